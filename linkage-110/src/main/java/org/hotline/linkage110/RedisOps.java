package org.hotline.linkage110;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.hotline.core.error.HotlineException;

/**
 * Runs a Lettuce command and brings its result back onto the calling Vert.x context: Lettuce
 * completes on its own threads, and handlers must not run there.
 */
public final class RedisOps {

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisOps(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return Future.fromCompletionStage(command.apply(redis), vertx.getOrCreateContext())
                .recover(failure -> Future.failedFuture(HotlineException.unavailable(
                        "linkage110.redis", "110联动存储暂不可用，请稍后重试", failure)));
    }
}
