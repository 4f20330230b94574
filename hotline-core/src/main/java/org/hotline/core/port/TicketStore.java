package org.hotline.core.port;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The system of record for live tickets. Every method completes on the caller's Vert.x context.
 * Failures are {@link org.hotline.core.error.HotlineException}s: CONFLICT for a stale version,
 * UNAVAILABLE when the store cannot be reached (and then nothing was written).
 */
public interface TicketStore {

    /** A new readable ticket number for the day, e.g. {@code 12345-20261122-000123}; never reused. */
    Future<String> allocateNumber(LocalDate day);

    /**
     * Stores a new ticket (expectedVersion 0). With an idempotency key already used, nothing is
     * written and the ticket created under that key is returned instead.
     */
    Future<StoredTicket> create(TicketCommit commit, String idempotencyKeyOrNull);

    /** Applies a transition; CONFLICT when the ticket's version is not {@code expectedVersion}. */
    Future<StoredTicket> commit(TicketCommit commit);

    Future<Optional<StoredTicket>> findById(String ticketId);

    Future<Optional<StoredTicket>> findByNumber(String number);

    /**
     * Every event of the ticket, oldest first, as committed (version, type, time, event JSON);
     * empty for an unknown ticket. Costs O(events of the ticket).
     */
    Future<List<StreamEvent>> eventsOf(String ticketId);

    /** Ticket ids in a department's inbox, nearest deadline first. */
    Future<List<String>> inbox(String departmentId, int offset, int limit);

    /** A caller's ticket ids, newest first. */
    Future<List<String>> ticketsOfCaller(String phone, int limit);

    /** Ids of tickets in the given status. */
    Future<List<String>> ticketsInStatus(String status, int offset, int limit);
}
