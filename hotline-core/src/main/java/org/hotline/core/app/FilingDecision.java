package org.hotline.core.app;

import io.vertx.core.Future;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Command;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketNumber;

/**
 * The agent's decision taken when filing a ticket (直接办结 or 并入已有工单): read from the creation
 * request and turned into the intake command the ticket is born with. A master is named by its id
 * or by the number people quote; an unknown one is a request error, not a missing page.
 */
final class FilingDecision {

    private static final String TICKET_ID = "[A-Za-z0-9_-]{1,64}";
    private static final String DEFAULT_MERGE_REASON = "受理时并入已有工单";

    private FilingDecision() {
    }

    /** The intake command of the request, or null when the ticket goes to dispatch as usual. */
    static Future<Command> of(String answer, String mergeInto, String mergeReason, TicketOperations tickets) {
        String master = mergeInto == null || mergeInto.isBlank() ? null : mergeInto.strip();
        if (answer != null && master != null) {
            throw HotlineException.invalid("ticket.intake-conflict", "直接答复与并入已有工单只能选择一项");
        }
        if (mergeReason != null && master == null) {
            throw HotlineException.invalid("ticket.intake-conflict", "并单说明只能与并入已有工单（mergeInto）一起填写");
        }
        if (answer != null) {
            return Future.succeededFuture(Requests.build(() -> new Command.AnswerDirectly(answer)));
        }
        if (master == null) {
            return Future.succeededFuture(null);
        }
        String reason = mergeReason == null || mergeReason.isBlank() ? DEFAULT_MERGE_REASON : mergeReason;
        HotlineException unknown = HotlineException.invalid("ticket.master-not-found", "要并入的工单“" + master + "”不存在");
        if (!TicketNumber.looksLikeOne(master) && !master.matches(TICKET_ID)) {
            throw unknown;
        }
        var found = TicketNumber.looksLikeOne(master) ? tickets.findByNumber(master) : tickets.findById(new TicketId(master));
        return found.map(ticket -> ticket.map(Ticket::id).orElseThrow(() -> unknown))
            .map(id -> Requests.build(() -> new Command.MergeInto(id, reason)));
    }
}
