package org.hotline.server.metrics;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.dispatch.Dispatch;
import org.hotline.server.health.DependencyCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own Prometheus figures beside Vert.x's HTTP, event-loop and JVM ones: Redis command
 * latency, stream backlogs per consumer group, SLA alarms, each dependency's state and probe time
 * (Redis, Elasticsearch, AMI), and the SLA alarms this node fired, per level. Sampled on a timer,
 * so a Prometheus scrape never waits on Redis.
 */
public final class OperationsMetrics extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final RedisAsyncCommands<String, String> redis;
    private final CommandLatencyRecorder recorder;
    private final List<DependencyCheck> checks;
    private final Duration interval;
    private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();
    private RedisCommandMetrics commands;
    private BacklogMetrics backlog;
    private final Handler<DeliveryContext<Object>> firedCounter = this::countFiredAlarm;
    private long timer = -1;

    public OperationsMetrics(MeterRegistry registry, RedisAsyncCommands<String, String> redis, CommandLatencyRecorder recorder,
                             List<DependencyCheck> checks, Duration interval) {
        this.registry = registry;
        this.redis = redis;
        this.recorder = recorder;
        this.checks = List.copyOf(checks);
        this.interval = interval;
    }

    @Override
    public Future<?> start() {
        commands = new RedisCommandMetrics(registry, recorder);
        backlog = new BacklogMetrics(vertx, registry, redis);
        if (!commands.available()) {
            LOG.info("redis command latency metrics off: lettuce's latency collector is not enabled");
        }
        vertx.eventBus().addOutboundInterceptor(firedCounter);
        timer = vertx.setPeriodic(interval.toMillis(), t -> sample());
        return sample();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        vertx.eventBus().removeOutboundInterceptor(firedCounter);
        return Future.succeededFuture();
    }

    /** Sampling failures only leave the previous values; the next tick tries again. */
    Future<Void> sample() {
        commands.sample();
        Future<Void> probes = Future.join(checks.stream().map(this::probe).toList()).mapEmpty();
        return Future.join(backlog.sample(), probes).<Void>mapEmpty()
                .onFailure(e -> LOG.debug("metrics sample incomplete [{}]", e.toString()))
                .otherwiseEmpty();
    }

    private Future<Void> probe(DependencyCheck check) {
        long started = System.nanoTime();
        return check.check().timeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .transform(result -> {
                    if (result.succeeded() && result.result().startsWith("disabled")) {
                        return Future.<Void>succeededFuture(); // switched off by configuration: nothing to measure
                    }
                    Timer.builder("hotline.dependency.probe").tag("dependency", check.name())
                            .description("Time of one health probe of the dependency (Redis PING, Elasticsearch cluster health, AMI state)")
                            .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    upGauge(check.name()).set(result.succeeded() ? 1 : 0);
                    return Future.<Void>succeededFuture();
                });
    }

    private AtomicInteger upGauge(String dependency) {
        return up.computeIfAbsent(dependency, name -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("hotline.dependency.up", holder, AtomicInteger::get).tag("dependency", name)
                    .description("1 when the dependency answered its last probe (telephony: AMI logged in), else 0").register(registry);
            return holder;
        });
    }

    /** An outbound interceptor sees what this node publishes: the scheduler publishes each alarm once, on the node that fired it. */
    private void countFiredAlarm(DeliveryContext<Object> delivery) {
        if (Dispatch.SLA_ALARM_ADDRESS.equals(delivery.message().address()) && delivery.message().body() instanceof JsonObject alarm) {
            Counter.builder("hotline.sla.alarms.fired").tag("level", String.valueOf(alarm.getString("level")))
                    .description("SLA alarm notifications published by this node (each alarm on one node only; outside duty hours a working-day clock's notification waits for the next duty start)")
                    .register(registry).increment();
        }
        delivery.next();
    }
}
