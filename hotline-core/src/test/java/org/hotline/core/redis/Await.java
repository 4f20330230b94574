package org.hotline.core.redis;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.core.error.HotlineException;

/** Waits for a Future from the test thread (never an event loop) with a timeout. */
final class Await {

    private Await() {
    }

    static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }

    /** The HotlineException the future failed with; fails the test when it succeeded. */
    static HotlineException failure(Future<?> future) {
        try {
            Object value = result(future);
            throw new AssertionError("expected a failure, got " + value);
        } catch (HotlineException e) {
            return e;
        }
    }
}
