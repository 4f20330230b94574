package org.hotline.core.stream.group;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * The only extension point of a {@link ConsumerGroup}: handles one batch of entries, in stream order.
 * Succeeding acknowledges the whole batch (and parks what {@link Handled} names as poison); failing
 * acknowledges nothing, and the same entries come back after a back-off (ADR 0005). So a handler fails
 * only for "cannot do it now" (a backend down) and names an entry that can never be handled as poison.
 */
@FunctionalInterface
public interface BatchHandler<E> {

    Future<Handled> handle(List<E> batch);

    /** Handles the entries one after the other (each waits for the one before); the first failure fails the batch. */
    static <E> Future<Handled> inOrder(List<E> batch, Function<E, Future<Void>> step) {
        Future<Void> chain = Future.succeededFuture();
        for (E entry : batch) {
            chain = chain.compose(v -> step.apply(entry));
        }
        return chain.map(Handled.all());
    }
}
