package org.hotline.linkage110.transfer;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.stream.RedisKeys;
import org.hotline.linkage110.RedisOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ticket event stream and reports the progress of tickets made from police orders back
 * to 110: assigned/signed -> IN_PROGRESS, replied -> RESULT, not accepted -> REJECTED. A consumer
 * group keeps its place across restarts; entries are acknowledged only after their report is queued
 * in the outbox, so none is lost.
 */
public final class TicketResultWatcher extends VerticleBase {

    public static final String GROUP = "linkage110-results";
    private static final Logger LOG = LoggerFactory.getLogger(TicketResultWatcher.class);

    private final RedisOps redis;
    private final TransferStore transfers;
    private final IncomingOrders incoming;
    private final String consumer;
    private final Duration poll;
    private long timer = -1;
    private boolean busy;

    public TicketResultWatcher(RedisOps redis, TransferStore transfers, IncomingOrders incoming, String consumer,
                               Duration poll) {
        this.redis = redis;
        this.transfers = transfers;
        this.incoming = incoming;
        this.consumer = consumer;
        this.poll = poll;
    }

    @Override
    public Future<?> start() {
        return redis.call(r -> r.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "$"), GROUP,
                        XGroupCreateArgs.Builder.mkstream()))
                .recover(e -> String.valueOf(e.getCause()).contains("BUSYGROUP")
                        ? Future.succeededFuture() : Future.failedFuture(e))
                .onSuccess(v -> timer = vertx.setPeriodic(poll.toMillis(), id -> tick()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        read("0").compose(this::handleAll)
                .compose(v -> read(">")).compose(this::handleAll)
                .onFailure(e -> LOG.warn("ticket result round failed [reason={}]", e.getMessage()))
                .onComplete(v -> busy = false);
    }

    /** "0" re-reads this consumer's entries that failed before; ">" reads new ones. */
    private Future<List<StreamMessage<String, String>>> read(String offset) {
        return redis.call(r -> r.xreadgroup(Consumer.from(GROUP, consumer), XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, offset)));
    }

    private Future<Void> handleAll(List<StreamMessage<String, String>> entries) {
        Future<Void> chain = Future.succeededFuture();
        for (var entry : entries) {
            chain = chain.compose(v -> handle(entry)
                    .compose(x -> redis.call(r -> r.xack(RedisKeys.TICKET_EVENTS, GROUP, entry.getId())))
                    .mapEmpty());
        }
        return chain;
    }

    private Future<Void> handle(StreamMessage<String, String> entry) {
        String ticketId = entry.getBody().get("ticketId");
        String type = entry.getBody().getOrDefault("type", "");
        if (ticketId == null || !List.of("TicketAssigned", "TicketSigned", "TicketReplied", "TicketNotAccepted")
                .contains(type)) {
            return Future.succeededFuture();
        }
        return transfers.transferOfTicket(ticketId).compose(transferId -> transferId == null
                ? Future.succeededFuture()
                : report(transferId, type, json(entry.getBody().get("event"))));
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
