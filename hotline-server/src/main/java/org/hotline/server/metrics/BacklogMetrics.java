package org.hotline.server.metrics;

import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.stream.RedisKeys;
import org.hotline.dispatch.Dispatch;

/**
 * Work waiting in Redis, the same on every node (so take max, not sum, across nodes): each
 * consumer group's pending entries (read, not acknowledged) and lag (not read yet) on the event
 * streams, the SLA alarms armed, due but not yet fired, and being fired.
 */
final class BacklogMetrics {

    private static final List<String> STREAMS = List.of(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS);

    private final Vertx vertx;
    private final MeterRegistry registry;
    private final RedisAsyncCommands<String, String> redis;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    BacklogMetrics(Vertx vertx, MeterRegistry registry, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.registry = registry;
        this.redis = redis;
    }

    Future<Void> sample() {
        List<Future<Void>> parts = new ArrayList<>();
        STREAMS.forEach(stream -> parts.add(groups(stream)));
        parts.add(sla());
        return Future.join(parts).mapEmpty();
    }

    private Future<Void> groups(String stream) {
        return LettuceBridge.toFuture(vertx, redis.exists(stream)).compose(exists -> exists == 0 ? Future.succeededFuture()
                : LettuceBridge.toFuture(vertx, redis.xinfoGroups(stream)).map(groups -> {
                    for (Object group : groups) {
                        record(stream, fields((List<?>) group));
                    }
                    return null;
                }));
    }

    /** XINFO GROUPS answers each group as a flat list of names and values. */
    private static Map<String, Object> fields(List<?> flat) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return map;
    }

    private void record(String stream, Map<String, Object> group) {
        String name = String.valueOf(group.get("name"));
        String shortStream = stream.substring(stream.lastIndexOf(':') + 1);
        set("hotline.stream.pending", "Entries read by a consumer of the group and not acknowledged yet",
                number(group.get("pending")), "stream", shortStream, "group", name);
        // lag is absent (nil) when Redis cannot tell it cheaply, e.g. after entries were deleted
        Object lag = group.get("lag");
        if (lag != null) {
            set("hotline.stream.lag", "Entries of the stream the group has not read yet", number(lag), "stream", shortStream, "group", name);
        }
    }

    private Future<Void> sla() {
        String now = Long.toString(System.currentTimeMillis());
        Future<Long> armed = LettuceBridge.toFuture(vertx, redis.zcard(RedisKeys.SLA_ALARMS));
        Future<Long> due = LettuceBridge.toFuture(vertx, redis.zcount(RedisKeys.SLA_ALARMS,
                Range.create(Double.NEGATIVE_INFINITY, Double.parseDouble(now))));
        Future<Long> firing = LettuceBridge.toFuture(vertx, redis.zcard(Dispatch.SLA_IN_FLIGHT));
        Future<Long> deferred = LettuceBridge.toFuture(vertx, redis.zcard(Dispatch.SLA_DEFERRED_NOTIFICATIONS));
        return Future.all(armed, due, firing, deferred).map(all -> {
            set("hotline.sla.alarms.armed", "SLA alarms waiting for their time (yellow and red)", armed.result());
            set("hotline.sla.alarms.due", "SLA alarms whose time has come and that no scheduler claimed yet (overdue firing)", due.result());
            set("hotline.sla.alarms.firing", "SLA alarms claimed by a scheduler and being fired", firing.result());
            set("hotline.sla.notifications.deferred", "Notifications of fired alarms waiting for the next duty start", deferred.result());
            return null;
        });
    }

    private void set(String name, String description, long value, String... tags) {
        String key = name + String.join(",", tags);
        values.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).description(description).tags(tags).register(registry);
            return holder;
        }).set(value);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
