package org.hotline.core.app;

import io.vertx.core.Future;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Category;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appeals a partner system submits for citizens (Open311 GeoReport): received as the partner's
 * citizen and classified at once under the service the partner chose. A resubmission under the
 * same replay key is the same ticket.
 */
public final class PartnerAppeals {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerAppeals.class);

    private final TicketOperations tickets;

    public PartnerAppeals(TicketOperations tickets) {
        this.tickets = tickets;
    }

    /** The ticket, classified under {@code category} unless that was refused (a dispatcher classifies it by hand then). */
    public Future<Ticket> submit(String partner, NewAppeal appeal, Category category, String replayKey) {
        Actor citizen = Actor.citizen("open311:" + partner);
        return tickets.receive(appeal, citizen, replayKey)
            .compose(ticket -> ticket.category() != null ? Future.succeededFuture(ticket)
                : tickets.apply(ticket.id(), new Command.Classify(category, null, null, "Open311 service_code " + category.code()),
                        Actor.system("open311"))
                    .recover(refused -> {
                        // the appeal is accepted either way; a dispatcher classifies it by hand then
                        LOG.warn("open311 request left unclassified [number={}, code={}]", ticket.number(), category.code());
                        return Future.succeededFuture(ticket);
                    }));
    }
}
