package org.hotline.telephony;

import io.vertx.core.Future;
import org.hotline.core.model.Actor;

/**
 * Port for the ticket's side of a ticket ↔ call link made from telephony (POST calls/{id}/tickets):
 * the ticket lists the call too. The server wires it to the ticket service; already linked is fine.
 */
public interface TicketCallLinks {

    Future<Void> linkCall(String ticketId, String callId, Actor actor);

    /** No ticket service wired (tests of telephony alone): only the call's side is kept. */
    static TicketCallLinks none() {
        return (ticketId, callId, actor) -> Future.succeededFuture();
    }
}
