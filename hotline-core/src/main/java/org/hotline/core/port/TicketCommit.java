package org.hotline.core.port;

import java.util.List;
import java.util.Objects;

/**
 * Everything one transition changes, applied by the store as one atomic step: the version check
 * (expectedVersion must be current, 0 for a new ticket), the new snapshot, the events appended to
 * the stream and the indexes replaced.
 */
public record TicketCommit(
        String ticketId, String number, long expectedVersion, StoredTicket next,
        List<StreamEvent> events, TicketIndexes indexes) {

    public TicketCommit {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(next, "next");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(indexes, "indexes");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a commit appends at least one event");
        }
        if (next.version() != expectedVersion + events.size()) {
            throw new IllegalArgumentException("next version must be expected version + number of events");
        }
    }
}
