package org.hotline.telephony.sms;

import org.hotline.core.model.Masking;
import org.hotline.core.model.Ticket;
import org.hotline.core.wire.TicketV1;

/**
 * What a notice or survey needs of its ticket: the snapshot of a stream entry that carries one
 * (TicketReceived), or the stored ticket for the lean entries (ReplyAccepted carries no snapshot).
 * {@code phone} may be null (no caller number).
 */
public record Addressee(String ticketId, String number, String queryCode, String phone, boolean confidential) {

    static Addressee of(TicketV1 ticket) {
        TicketV1.CallerV1 caller = ticket.caller();
        return new Addressee(ticket.id(), ticket.number(), String.valueOf(ticket.queryCode()), caller == null ? null : caller.phone(),
                caller != null && caller.confidential());
    }

    public static Addressee of(Ticket ticket) {
        return new Addressee(ticket.id().value(), ticket.number().value(), ticket.queryCode() == null ? "null" : ticket.queryCode().value(),
                ticket.caller() == null ? null : ticket.caller().phone(), ticket.caller() != null && ticket.caller().confidential());
    }

    @Override
    public String toString() {
        return "Addressee[ticketId=" + ticketId + ", phone=" + Masking.maskPhone(phone) + "]";
    }
}
