package org.hotline.dispatch.routing;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline.core.redis.LettuceBridge;

/**
 * The auto-assign policy in Redis (string {@value #KEY}, JSON); {@link AutoAssignPolicy#defaults()} until an
 * administrator stores one. Read on every decision, so an edit applies to the next appeal on every node.
 */
public final class RedisAutoAssignPolicy {

    public static final String KEY = "hotline:dispatch:policy";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisAutoAssignPolicy(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public Future<AutoAssignPolicy> current() {
        return LettuceBridge.toFuture(vertx, redis.get(KEY))
                .map(json -> json == null ? AutoAssignPolicy.defaults() : AutoAssignPolicy.fromJson(new JsonObject(json)));
    }

    public Future<AutoAssignPolicy> put(AutoAssignPolicy policy) {
        return LettuceBridge.toFuture(vertx, redis.set(KEY, policy.toJson().encode())).map(ok -> policy);
    }
}
