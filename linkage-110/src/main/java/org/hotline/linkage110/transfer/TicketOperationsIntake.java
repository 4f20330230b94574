package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import java.util.List;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Urgency;

/**
 * The intake port on core's ticket pipeline: a police order becomes a ticket with channel
 * POLICE_110, received by the system actor {@code linkage-110}. The transferId is the ticket
 * pipeline's idempotency key, so a repeated order answers the ticket made the first time.
 */
public final class TicketOperationsIntake implements PoliceOrderIntake, TicketTrail {

    private static final Actor ACTOR = Actor.system("linkage-110");

    private final TicketOperations tickets;

    public TicketOperationsIntake(TicketOperations tickets) {
        this.tickets = tickets;
    }

    @Override
    public Future<String> accept(PoliceOrder order) {
        NewAppeal appeal;
        try {
            appeal = new NewAppeal(Channel.POLICE_110, AppealType.HELP, urgency(order.urgency()), order.title(),
                    order.content() == null || order.content().isBlank() ? order.title() : order.content(),
                    caller(order), new Location(order.district(), null, null, order.address(), null, null),
                    List.of("110移交", "110清单:" + order.listCode()));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(HotlineException.invalid("linkage110.bad-order", "警单内容不符合工单要求：" + e.getMessage()));
        }
        return tickets.receive(appeal, ACTOR, "linkage110:" + order.transferId()).map(ticket -> ticket.id().value());
    }

    @Override
    public Future<java.util.Optional<TicketRef>> find(String ticketIdOrNumber) {
        Future<java.util.Optional<org.hotline.core.model.Ticket>> byId;
        try {
            byId = tickets.findById(new org.hotline.core.model.TicketId(ticketIdOrNumber));
        } catch (IllegalArgumentException notAnId) {
            byId = Future.succeededFuture(java.util.Optional.empty());
        }
        return byId.compose(found -> found.isPresent() ? Future.succeededFuture(found) : tickets.findByNumber(ticketIdOrNumber))
                .map(found -> found.map(ticket -> new TicketRef(ticket.id().value(), ticket.number().value())));
    }

    @Override
    public Future<Void> record(String ticketId, String transferId, org.hotline.core.model.PoliceLinkageStage stage, String text) {
        return tickets.apply(new org.hotline.core.model.TicketId(ticketId),
                new org.hotline.core.model.Command.RecordPoliceLinkage(transferId, stage, text), ACTOR).mapEmpty();
    }

    /** A phone that is not a valid number is dropped rather than refusing the whole order. */
    private static Caller caller(PoliceOrder order) {
        String phone = order.callerPhone() != null && Caller.isValidPhone(order.callerPhone()) ? order.callerPhone() : null;
        String name = order.callerName() == null || order.callerName().isBlank() ? null : order.callerName();
        return new Caller(name, phone, false, name == null);
    }

    private static Urgency urgency(String value) {
        for (Urgency u : Urgency.values()) {
            if (u.name().equals(value)) {
                return u;
            }
        }
        return Urgency.NORMAL;
    }
}
