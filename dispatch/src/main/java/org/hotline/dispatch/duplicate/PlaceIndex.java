package org.hotline.dispatch.duplicate;

import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;

/**
 * Recently received tickets per district, so that an appeal can be matched against other callers'
 * appeals about the same place: a sorted set {@code hotline:dispatch:place:{district}} of ticket ids
 * scored by reception time, trimmed to the retention on every write and expiring when idle.
 * Shared by every server process; the district is the coarse key, street and address are compared
 * on the tickets themselves ({@link PlaceMatch}).
 */
public final class PlaceIndex {

    static final String PREFIX = "hotline:dispatch:place:";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final Duration retention;

    public PlaceIndex(Vertx vertx, RedisAsyncCommands<String, String> redis, Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("a positive retention is required");
        }
        this.vertx = vertx;
        this.redis = redis;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** Remembers a ticket received at {@code at} in {@code district}; tickets without a district are not placed. */
    public Future<Void> record(String district, String ticketId, Instant at) {
        if (district == null || district.isBlank()) {
            return Future.succeededFuture();
        }
        String key = PREFIX + district.strip();
        long now = at.toEpochMilli();
        return LettuceBridge.toFuture(vertx, redis.zadd(key, now, ticketId))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.zremrangebyscore(key,
                        Range.create(Double.NEGATIVE_INFINITY, (double) (now - retention.toMillis())))))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.pexpire(key, retention.toMillis())))
                .mapEmpty();
    }

    /** Ids of tickets of the district received since {@code since}, newest first, at most {@code limit}. */
    public Future<List<String>> since(String district, Instant since, int limit) {
        if (district == null || district.isBlank()) {
            return Future.succeededFuture(List.of());
        }
        return LettuceBridge.toFuture(vertx, redis.zrevrangebyscore(PREFIX + district.strip(),
                Range.create((double) since.toEpochMilli(), Double.POSITIVE_INFINITY),
                io.lettuce.core.Limit.create(0, limit)));
    }
}
