package org.hotline.telephony;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Port for the DTMF progress lookup: the caller keys a ticket number (digits only, e.g.
 * {@code 1234520261122000123} for {@code 12345-20261122-000123}); the lead wires it to TicketService.
 */
public interface TicketProgressLookup {

    /** A ticket's state as the citizen may hear it. {@code status} is the ticket status enum name. */
    record Progress(String ticketNumber, String status) {
    }

    Future<Optional<Progress>> progressOf(String keyedDigits);
}
