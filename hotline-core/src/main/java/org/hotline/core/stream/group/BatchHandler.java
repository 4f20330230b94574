package org.hotline.core.stream.group;

import io.vertx.core.Future;
import java.util.List;

/**
 * The only extension point of a {@link ConsumerGroup}: handles one batch of entries, in stream order.
 * Succeeding acknowledges the whole batch (and parks what {@link Handled} names as poison); failing
 * acknowledges nothing, and the same entries come back after a back-off (ADR 0005). So a handler fails
 * only for "cannot do it now" (a backend down) and names an entry that can never be handled as poison.
 */
@FunctionalInterface
public interface BatchHandler<E> {

    Future<Handled> handle(List<E> batch);
}
