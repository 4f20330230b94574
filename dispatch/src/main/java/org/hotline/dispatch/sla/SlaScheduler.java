package org.hotline.dispatch.sla;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.stream.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires every due SLA alarm exactly once, however many schedulers run against one Redis.
 *
 * <p>A Lua script moves due members from {@code hotline:sla:alarms} into a lease set in one step, so
 * two schedulers never claim the same member. Each claimed alarm goes to the {@link SlaAlarmSink},
 * then a fired-marker ({@code SET NX}) decides who publishes {@value #ADDRESS} on the event bus, then
 * the lease is dropped. A scheduler killed mid-way leaves leases that expire; the next claim takes
 * them over and fires again (the marker keeps the publication single, the sink is idempotent).
 */
public final class SlaScheduler extends VerticleBase {

    public static final String ADDRESS = "hotline.sla.alarm";
    public static final String IN_FLIGHT = "hotline:sla:inflight";
    /** Notifications of fired alarms held back until the next duty start (sorted set, score = when to publish). */
    public static final String DEFERRED_NOTIFICATIONS = DeferredNotifications.PENDING;
    public static final String FIRED_PREFIX = "hotline:sla:fired:";
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
    private static final String CLAIM = resource("claim-alarms.lua");

    private final RedisAsyncCommands<String, String> redis;
    private final SlaAlarmSink sink;
    private final SlaSchedulerConfig config;
    private final NotificationTiming timing;
    private DeferredNotifications deferred;
    private long timer = -1;
    private boolean polling;

    /** Notifies every fired alarm at once. */
    public SlaScheduler(RedisAsyncCommands<String, String> redis, SlaAlarmSink sink, SlaSchedulerConfig config) {
        this(redis, sink, config, NotificationTiming.immediate());
    }

    /** Notifies each fired alarm when {@code timing} says (e.g. {@link DutyCalendarTiming}). */
    public SlaScheduler(RedisAsyncCommands<String, String> redis, SlaAlarmSink sink, SlaSchedulerConfig config,
            NotificationTiming timing) {
        this.redis = redis;
        this.sink = sink;
        this.config = config;
        this.timing = timing;
    }

    @Override
    public Future<?> start() {
        deferred = new DeferredNotifications(vertx, redis, CLAIM);
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** One wake-up: claim, fire, and claim again at once while batches come back full. */
    private void poll() {
        if (polling) {
            return; // the previous wake-up is still firing; it re-polls when done if there is more
        }
        polling = true;
        // compose turns a command rejected synchronously (connection closing) into a failed future
        Future.succeededFuture().compose(v -> claimAndFire())
                .compose(full -> deferred.publishDue(ADDRESS, config).map(more -> full || more))
                .onComplete(done -> polling = false)
                .onSuccess(full -> {
                    if (full) {
                        vertx.runOnContext(v -> poll());
                    }
                })
                .onFailure(failure -> LOG.warn("sla claim failed [reason={}]", failure.toString()));
    }

    /** Claims one batch and fires it; true when the batch was full (more may be due). */
    Future<Boolean> claimAndFire() {
        String[] keys = {RedisKeys.SLA_ALARMS, IN_FLIGHT};
        String[] args = {Long.toString(config.lease().toMillis()), Integer.toString(config.batchSize())};
        return LettuceBridge.toFuture(vertx, redis.<List<Object>>eval(CLAIM, ScriptOutputType.MULTI, keys, args))
                .compose(reply -> {
                    long now = Long.parseLong(String.valueOf(reply.get(reply.size() - 1)));
                    List<Future<Void>> firings = new ArrayList<>();
                    for (int i = 0; i + 1 < reply.size(); i += 2) {
                        long fireAt = (long) Double.parseDouble(String.valueOf(reply.get(i + 1)));
                        firings.add(fire(String.valueOf(reply.get(i)), fireAt, now));
                    }
                    return Future.join(firings).transform(ignored -> Future.succeededFuture(
                            firings.size() >= config.batchSize()));
                });
    }

    private Future<Void> fire(String member, long fireAt, long now) {
        SlaAlarmFired alarm;
        try {
            alarm = SlaAlarmFired.parse(member, fireAt, now);
        } catch (IllegalArgumentException malformed) {
            LOG.error("dropping malformed sla alarm member [member={}]", member);
            return release(member);
        }
        String marker = FIRED_PREFIX + member;
        return LettuceBridge.toFuture(vertx, redis.exists(marker))
                .compose(already -> already > 0 ? Future.<Void>succeededFuture() : deliver(alarm, marker))
                .compose(v -> release(member))
                .onFailure(failure -> LOG.warn("sla alarm not fired, retried after its lease [ticket={}, level={}, reason={}]",
                        alarm.ticketId(), alarm.level(), failure.toString()));
    }

    /** The sink records the alarm now; its notification goes out now or, deferred, from Redis later. */
    private Future<Void> deliver(SlaAlarmFired alarm, String marker) {
        return Future.succeededFuture().compose(v -> sink.fire(alarm)) // a sink that throws fails this alarm only
                .compose(v -> timing.deliverAt(alarm, Instant.ofEpochMilli(alarm.firedAtEpochMs())))
                .compose(at -> at.toEpochMilli() > alarm.firedAtEpochMs()
                        ? deferred.markFiredAndDefer(marker, alarm, at, config.firedMarkerTtl()).<Void>mapEmpty()
                        : publishOnce(alarm, marker));
    }

    private Future<Void> publishOnce(SlaAlarmFired alarm, String marker) {
        SetArgs once = SetArgs.Builder.nx().px(config.firedMarkerTtl().toMillis());
        return LettuceBridge.toFuture(vertx, redis.set(marker, Long.toString(alarm.firedAtEpochMs()), once))
                .map(ok -> {
                    if ("OK".equals(ok)) {
                        vertx.eventBus().publish(ADDRESS, alarm.toJson());
                    }
                    return null;
                });
    }

    private Future<Void> release(String member) {
        return LettuceBridge.toFuture(vertx, redis.zrem(IN_FLIGHT, member)).mapEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = SlaScheduler.class.getResourceAsStream("/org/hotline/dispatch/sla/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
