package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import java.util.Optional;
import org.hotline.core.model.PoliceLinkageStage;

/**
 * Port to the ticket a 12345 → 110 transfer is about: it must exist, and each step of the transfer
 * (移交, 签收 or 退回, 处置结果) is recorded on it as an event, so its history, search and reports
 * show it. Implemented on core's ticket pipeline ({@link TicketOperationsIntake}).
 */
public interface TicketTrail {

    /** The ticket's id and number when a ticket with this id or number exists. */
    Future<Optional<TicketRef>> find(String ticketIdOrNumber);

    /** Records one step of a transfer on the ticket. */
    Future<Void> record(String ticketId, String transferId, PoliceLinkageStage stage, String text);

    /** {@code number} null when unknown (the request's number is used then). */
    record TicketRef(String id, String number) {
    }

    /**
     * For exchange-protocol harnesses that run without a ticket pipeline: takes every ticket id as
     * existing and records nothing. The server never uses it.
     */
    TicketTrail WITHOUT_TICKETS = new TicketTrail() {
        @Override
        public Future<Optional<TicketRef>> find(String ticketIdOrNumber) {
            return Future.succeededFuture(Optional.of(new TicketRef(ticketIdOrNumber, null)));
        }

        @Override
        public Future<Void> record(String ticketId, String transferId, PoliceLinkageStage stage, String text) {
            return Future.succeededFuture();
        }
    };
}
