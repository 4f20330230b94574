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
        return resultWithin(future, java.time.Duration.ofSeconds(10));
    }

    static <T> T resultWithin(Future<T> future, java.time.Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + timeout, e);
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
