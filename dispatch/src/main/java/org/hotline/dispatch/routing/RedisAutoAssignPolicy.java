package org.hotline.dispatch.routing;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline.core.redis.LettuceBridge;

/**
 * The auto-assign policy in Redis (string {@value #KEY}, JSON); the configured fallback (by default
 * {@link AutoAssignPolicy#defaults()}) until an administrator stores one. Read on every decision, so an edit applies to the next appeal on every node.
 */
public final class RedisAutoAssignPolicy {

    public static final String KEY = "hotline:dispatch:policy";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final AutoAssignPolicy fallback;

    public RedisAutoAssignPolicy(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this(vertx, redis, AutoAssignPolicy.defaults());
    }

    /** {@code fallback}: what is served and applied while no administrator has stored a policy (HOTLINE_DISPATCH_*). */
    public RedisAutoAssignPolicy(Vertx vertx, RedisAsyncCommands<String, String> redis, AutoAssignPolicy fallback) {
        this.vertx = vertx;
        this.redis = redis;
        this.fallback = fallback;
    }

    public Future<AutoAssignPolicy> current() {
        return LettuceBridge.toFuture(vertx, redis.get(KEY))
                .map(json -> json == null ? fallback : AutoAssignPolicy.fromJson(new JsonObject(json)));
    }

    public Future<AutoAssignPolicy> put(AutoAssignPolicy policy) {
        return LettuceBridge.toFuture(vertx, redis.set(KEY, policy.toJson().encode())).map(ok -> policy);
    }
}
