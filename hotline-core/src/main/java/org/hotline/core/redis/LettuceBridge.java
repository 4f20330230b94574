package org.hotline.core.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;

/**
 * Moves Lettuce results back onto the calling Vert.x context and turns Lettuce failures into the
 * project's error family. Lettuce completes its futures on its own Netty threads; continuing there
 * would run Vert.x handlers off their event loop.
 */
public final class LettuceBridge {

    /** Code of every "Redis cannot be reached now" failure. */
    public static final String UNAVAILABLE_CODE = "redis.unavailable";
    static final String UNAVAILABLE_MESSAGE = "数据存储暂时不可用，请稍后重试";

    private LettuceBridge() {
    }

    /**
     * The stage as a Future completing on the caller's context (the current one, or a new one
     * outside Vert.x threads), failed with a {@link HotlineException} when Redis fails.
     */
    public static <T> Future<T> toFuture(Vertx vertx, CompletionStage<T> stage) {
        Context context = vertx.getOrCreateContext();
        return Future.fromCompletionStage(stage, context).recover(failure -> Future.failedFuture(translate(failure)));
    }

    /**
     * Server refusals that are bugs (script errors, wrong types) become INTERNAL; anything that
     * means "no answer from Redis now" (not connected, connection lost, timeout, loading, failover,
     * out of memory) becomes UNAVAILABLE.
     */
    public static HotlineException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HotlineException known) {
            return known;
        }
        if (isTransient(cause)) {
            return HotlineException.unavailable(UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE, cause);
        }
        if (cause instanceof RedisCommandExecutionException) {
            return new HotlineException(ErrorKind.INTERNAL, "redis.command-failed", "服务内部错误，请稍后重试", cause);
        }
        if (cause instanceof RedisException || cause instanceof RedisCommandInterruptedException
                || cause instanceof java.io.IOException) {
            return HotlineException.unavailable(UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE, cause);
        }
        return HotlineException.from(cause);
    }

    /**
     * Server answers that mean "not now" rather than "never": still loading the AOF after a restart,
     * busy with a long script, a replica during a Sentinel failover, out of memory, no primary.
     */
    private static boolean isTransient(Throwable cause) {
        if (cause instanceof RedisLoadingException || cause instanceof RedisBusyException
                || cause instanceof RedisReadOnlyException) {
            return true;
        }
        String message = cause instanceof RedisCommandExecutionException ? String.valueOf(cause.getMessage()) : "";
        return message.startsWith("OOM") || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
