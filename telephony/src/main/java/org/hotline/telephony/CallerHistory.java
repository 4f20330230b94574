package org.hotline.telephony;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * Port for the screen pop: the caller's previous tickets (newest first), each a small JSON object
 * ({@code id, number, status, title, receivedAt}). The lead wires it to TicketService.
 */
public interface CallerHistory {

    Future<JsonArray> recentTickets(String phone, int limit);

    /** No history source wired: the screen pop still shows the caller's number. */
    static CallerHistory none() {
        return (phone, limit) -> Future.succeededFuture(new JsonArray());
    }
}
