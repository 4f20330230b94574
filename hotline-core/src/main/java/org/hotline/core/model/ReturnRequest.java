package org.hotline.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending return (退单申请): the department says the matter is not theirs and names who is
 * responsible; {@code fromStatus} is where the ticket goes back to if the center rejects it.
 */
public record ReturnRequest(String reason, String responsibleParty, String departmentId, TicketStatus fromStatus, Instant at) {

    public ReturnRequest {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(responsibleParty, "responsibleParty");
        Objects.requireNonNull(fromStatus, "fromStatus");
        Objects.requireNonNull(at, "at");
    }
}
