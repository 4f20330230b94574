package org.hotline.linkage110.transfer;

import io.vertx.core.Future;

/**
 * Port to the ticket intake: turns an incoming police order into a ticket with channel POLICE_110
 * that runs through the normal pipeline. Implemented in hotline-server against core's TicketService.
 */
public interface PoliceOrderIntake {

    /**
     * Creates the ticket, or returns the one already created for this {@code transferId}.
     *
     * @return the ticket id
     */
    Future<String> accept(PoliceOrder order);
}
