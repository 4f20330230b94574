package org.hotline.core.port;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of tickets that left the live store (closed tickets past their retention in Redis). The
 * document is the live store's own archived form, opaque here; {@link #put} completes only once it is durable,
 * because the live copy is deleted right after.
 */
public interface TicketArchive {

    Future<Void> put(String ticketId, String document);

    Future<Optional<String>> find(String ticketId);

    /** Up to {@code limit} archived ticket ids after {@code afterOrNull} (null: from the first), in id order: a rebuild pages through them. */
    Future<List<String>> ids(String afterOrNull, int limit);

    /** No archive: nothing is archived, nothing found; closed tickets then stay in the live store. */
    static TicketArchive none() {
        return new TicketArchive() {
            @Override
            public Future<Void> put(String ticketId, String document) {
                return Future.failedFuture(new IllegalStateException("no ticket archive configured"));
            }

            @Override
            public Future<Optional<String>> find(String ticketId) {
                return Future.succeededFuture(Optional.empty());
            }

            @Override
            public Future<List<String>> ids(String afterOrNull, int limit) {
                return Future.succeededFuture(List.of());
            }
        };
    }
}
