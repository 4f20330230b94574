package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.RedisOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ticket event stream and reports the progress of tickets made from police orders back
 * to 110: assigned/signed -> IN_PROGRESS, replied -> RESULT, not accepted -> REJECTED. A consumer
 * group keeps its place across restarts; entries are acknowledged only after their report is queued
 * in the outbox, so none is lost.
 */
public final class TicketResultWatcher extends TicketEventConsumer {

    public static final String GROUP = "linkage110-results";
    private static final Logger LOG = LoggerFactory.getLogger(TicketResultWatcher.class);

    private final TransferStore transfers;
    private final IncomingOrders incoming;

    public TicketResultWatcher(RedisOps redis, TransferStore transfers, IncomingOrders incoming, String consumer,
                               Duration poll) {
        super(redis, GROUP, consumer, poll);
        this.transfers = transfers;
        this.incoming = incoming;
    }

    @Override
    Future<Void> handle(Map<String, String> entry) {
        String ticketId = entry.get("ticketId");
        String type = entry.getOrDefault("type", "");
        if (ticketId == null || !List.of("TicketAssigned", "TicketSigned", "TicketReplied", "TicketNotAccepted")
                .contains(type)) {
            return Future.succeededFuture();
        }
        return transfers.transferOfTicket(ticketId).compose(transferId -> transferId == null
                ? Future.succeededFuture()
                : report(transferId, type, json(entry.get("event"))));
    }

    private Future<Void> report(String transferId, String type, JsonObject event) {
        Future<Transfer> reported = switch (type) {
            case "TicketReplied" -> incoming.report(transferId, UpdateType.RESULT, null, event.getString("result"),
                    event.getString("text"), event.getJsonObject("actor", new JsonObject()).getString("departmentId"));
            case "TicketNotAccepted" -> incoming.report(transferId, UpdateType.REJECTED,
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

    private static JsonObject json(String value) {
        try {
            return value == null ? new JsonObject() : new JsonObject(value);
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
