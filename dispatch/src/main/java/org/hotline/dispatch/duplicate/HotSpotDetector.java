package org.hotline.dispatch.duplicate;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.hotline.core.redis.LettuceBridge;

/**
 * Raises a hot-spot alert for supervisors when {@code threshold} appeals of one category arrive from
 * one district within {@code window}: a sorted set per district × category holds the recent ticket
 * ids (shared by every server process), and a {@code SET NX} marker lets only one process publish
 * {@value #ADDRESS} per window. "Similar" means same classified category here.
 */
public final class HotSpotDetector {

    public static final String ADDRESS = "hotline.dispatch.hotspot";
    static final String PREFIX = "hotline:dispatch:hotspot:";
    static final String ALERTED = "hotline:dispatch:hotspot-alerted:";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final Duration window;
    private final int threshold;

    /** Suggested defaults: 2 hours, 5 appeals. */
    public HotSpotDetector(Vertx vertx, RedisAsyncCommands<String, String> redis, Duration window, int threshold) {
        if (threshold < 2 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("threshold >= 2 and a positive window required");
        }
        this.vertx = vertx;
        this.redis = redis;
        this.window = window;
        this.threshold = threshold;
    }

    /** Counts one appeal; true when this call raised the alert. */
    public Future<Boolean> record(String district, String category, String ticketId, Instant at) {
        if (district == null || district.isBlank() || category == null) {
            return Future.succeededFuture(false);
        }
        String key = PREFIX + district + ":" + category;
        long now = at.toEpochMilli();
        return LettuceBridge.toFuture(vertx, redis.zadd(key, now, ticketId))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.zremrangebyscore(key,
                        io.lettuce.core.Range.create(Double.NEGATIVE_INFINITY, (double) (now - window.toMillis())))))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.pexpire(key, window.toMillis())))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.zrange(key, 0, -1)))
                .compose(ids -> ids.size() < threshold ? Future.succeededFuture(false)
                        : alertOnce(district, category, ids, at));
    }

    private Future<Boolean> alertOnce(String district, String category, java.util.List<String> ids, Instant at) {
        SetArgs once = SetArgs.Builder.nx().px(window.toMillis());
        return LettuceBridge.toFuture(vertx, redis.set(ALERTED + district + ":" + category, at.toString(), once))
                .map(ok -> {
                    if (!"OK".equals(ok)) {
                        return false;
                    }
                    vertx.eventBus().publish(ADDRESS, new JsonObject().put("district", district).put("category", category)
                            .put("count", ids.size()).put("windowMinutes", window.toMinutes())
                            .put("ticketIds", new JsonArray(ids)).put("at", at.toString())
                            .put("message", String.format("%s %d 分钟内收到 %d 件同类诉求（%s），疑似热点", district,
                                    window.toMinutes(), ids.size(), category)));
                    return true;
                });
    }
}
