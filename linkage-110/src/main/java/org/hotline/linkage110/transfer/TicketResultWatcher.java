package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.Handled;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ticket event stream and reports the progress of tickets made from police orders back
 * to 110: assigned/signed -> IN_PROGRESS, replied -> RESULT, not accepted -> REJECTED. A consumer
 * group keeps its place across restarts; entries are acknowledged only after their report is queued
 * in the outbox, so none is lost.
 */
public final class TicketResultWatcher implements BatchHandler<TicketEventEntry> {

    public static final String GROUP = "linkage110-results";
    private static final Logger LOG = LoggerFactory.getLogger(TicketResultWatcher.class);
    private static final Set<TicketEventType> REPORTED = EnumSet.of(TicketEventType.TICKET_ASSIGNED,
            TicketEventType.TICKET_SIGNED, TicketEventType.TICKET_REPLIED, TicketEventType.TICKET_NOT_ACCEPTED);

    private final TransferStore transfers;
    private final IncomingOrders incoming;

    public TicketResultWatcher(TransferStore transfers, IncomingOrders incoming) {
        this.transfers = transfers;
        this.incoming = incoming;
    }

    @Override
    public Future<Handled> handle(List<TicketEventEntry> batch) {
        return BatchHandler.inOrder(batch, this::follow);
    }

    private Future<Void> follow(TicketEventEntry entry) {
        if (!REPORTED.contains(entry.type())) {
            return Future.succeededFuture();
        }
        return transfers.transferOfTicket(entry.ticketId()).compose(transferId -> transferId == null
                ? Future.succeededFuture()
                : report(transferId, entry.type(), entry.event()));
    }

    private Future<Void> report(String transferId, TicketEventType type, JsonObject event) {
        Future<Transfer> reported = switch (type) {
            case TICKET_REPLIED -> incoming.report(transferId, UpdateType.RESULT, null, event.getString("result"),
                    event.getString("text"), event.getJsonObject("actor", new JsonObject()).getString("departmentId"));
            case TICKET_NOT_ACCEPTED -> incoming.report(transferId, UpdateType.REJECTED,
                    "12345不予受理：" + event.getString("reason", "未说明"), null, null, null);
            default -> incoming.report(transferId, UpdateType.IN_PROGRESS, null, null, null, null);
        };
        return reported.<Void>mapEmpty().recover(e -> skippable(e) ? Future.succeededFuture() : Future.failedFuture(e));
    }

    /**
     * A refusal means the transfer is already past this point (a second assignment, a reply after
     * the result): nothing to send. Bad data would fail forever, so it is logged and skipped; only
     * "cannot reach Redis now" is retried.
     */
    private static boolean skippable(Throwable failure) {
        if (failure instanceof HotlineException h && h.kind() != ErrorKind.UNAVAILABLE && h.kind() != ErrorKind.INTERNAL) {
            if (h.kind() != ErrorKind.REJECTED) {
                LOG.warn("ticket event not reported to 110 [code={}]", h.code());
            }
            return true;
        }
        return false;
    }
}
