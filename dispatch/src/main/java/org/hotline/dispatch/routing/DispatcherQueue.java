package org.hotline.dispatch.routing;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hotline.core.redis.LettuceBridge;

/**
 * Appeals waiting for a dispatcher, oldest first: sorted set {@value #KEY} (ticket id, score = when
 * queued) and hash {@value #ITEMS} (ticket id → JSON with the suggestions and why it is not automatic).
 */
public final class DispatcherQueue {

    public static final String KEY = "hotline:dispatch:queue";
    public static final String ITEMS = "hotline:dispatch:queue:items";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public DispatcherQueue(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public Future<Void> enqueue(String ticketId, JsonObject item, Instant at) {
        return LettuceBridge.toFuture(vertx, redis.hset(ITEMS, ticketId, item.encode()))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.zadd(KEY, at.toEpochMilli(), ticketId)))
                .mapEmpty();
    }

    /** The oldest waiting items, each with its {@code ticketId}. */
    public Future<List<JsonObject>> oldest(int limit) {
        return LettuceBridge.toFuture(vertx, redis.zrange(KEY, 0, limit - 1L))
                .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
                        : LettuceBridge.toFuture(vertx, redis.hmget(ITEMS, ids.toArray(String[]::new)))
                                .map(values -> values.stream().filter(kv -> kv.hasValue())
                                        .map(kv -> new JsonObject(kv.getValue()).put("ticketId", kv.getKey()))
                                        .filter(Objects::nonNull).toList()));
    }

    /** Drops a ticket once someone assigned it. */
    public Future<Void> remove(String ticketId) {
        return LettuceBridge.toFuture(vertx, redis.zrem(KEY, ticketId))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.hdel(ITEMS, ticketId))).mapEmpty();
    }
}
