package org.hotline.core.stream.group;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link BatchHandler} did with a batch: everything, except the entries it names as poison.
 * {@code durable} completes once the handler's effects survive a crash of this process; the group
 * acknowledges the batch only then, while it goes on reading (a backend that syncs on a time or size
 * policy, e.g. the embedded search index, is fed without waiting for each sync). A failed
 * {@code durable} leaves the batch pending, read again like any failed batch.
 */
public record Handled(List<Poison> poison, Future<Void> durable) {

    private static final Handled ALL = new Handled(List.of());

    public Handled {
        poison = List.copyOf(poison);
        Objects.requireNonNull(durable, "durable");
    }

    /** Effects already durable when the handler's future completes (the usual case). */
    public Handled(List<Poison> poison) {
        this(poison, Future.succeededFuture());
    }

    /** An entry that can never be handled, with the reason (written to the parked stream). */
    public record Poison(String entryId, String reason) {
    }

    public static Handled all() {
        return ALL;
    }

    public static Handled parking(List<Poison> poison) {
        return poison.isEmpty() ? ALL : new Handled(poison);
    }

    /** The same outcome, acknowledged only once {@code later} completes. */
    public Handled durableWhen(Future<Void> later) {
        return new Handled(poison, later);
    }
}
