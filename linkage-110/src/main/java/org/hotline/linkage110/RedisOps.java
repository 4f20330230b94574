package org.hotline.linkage110;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.hotline.core.redis.LettuceBridge;

/**
 * Runs a Lettuce command and brings its result back onto the calling Vert.x context (through core's
 * LettuceBridge, which also maps Redis failures to the error family).
 */
public final class RedisOps {

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisOps(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return LettuceBridge.toFuture(vertx, command.apply(redis));
    }
}
