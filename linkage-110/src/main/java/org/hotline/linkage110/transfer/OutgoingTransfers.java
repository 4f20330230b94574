package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.PoliceLinkageStage;
import org.hotline.linkage110.exchange.LinkageOrder;
import org.hotline.linkage110.exchange.LinkageUpdate;
import org.hotline.linkage110.lists.EmergencyDetector;
import org.hotline.linkage110.lists.TransferList;
import org.hotline.linkage110.lists.TransferListItem;
import org.hotline.linkage110.lists.TransferLists;
import org.hotline.linkage110.outbox.DeliveryListener;
import org.hotline.linkage110.outbox.Outbox;
import org.hotline.linkage110.outbox.OutboxMessage;

/**
 * 12345 -> 110: hands a ticket over through the outbox and follows it to its result from the peer's
 * updates. Rejections go to the dispatcher queue and count as bounces.
 */
public final class OutgoingTransfers implements DeliveryListener {

    private final TransferStore store;
    private final TransferLists lists;
    private final Outbox outbox;
    private final LinkageStats stats;
    private final DispatcherQueue dispatcher;
    private final TicketTrail tickets;
    private final Clock clock;
    private final EmergencyDetector detector = new EmergencyDetector();

    public OutgoingTransfers(TransferStore store, TransferLists lists, Outbox outbox, LinkageStats stats,
                             DispatcherQueue dispatcher, TicketTrail tickets, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.outbox = outbox;
        this.stats = stats;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * Hands a ticket to 110 once: only a ticket that exists (404 otherwise), and a ticket already handed
     * over answers its first transfer again instead of pushing a second order (a repeated click, a
     * redelivered intake event). The transfer is recorded on the ticket (event, tag 110移交).
     */
    public Future<Transfer> send(TransferRequest request) {
        return tickets.find(request.ticketId()).compose(found -> found.isEmpty()
                ? Future.failedFuture(HotlineException.notFound("linkage110.ticket-not-found", "工单不存在：" + request.ticketId()))
                : lists.current(Direction.TO_110).compose(list -> sendOnce(request, found.get(), list)));
    }

    private Future<Transfer> sendOnce(TransferRequest request, TicketTrail.TicketRef ticket, TransferList list) {
        TransferListItem item = pickItem(list, request);
        String id = "12345-" + UUID.randomUUID();
        return store.claimOutgoing(ticket.id(), id).compose(first -> first.equals(id)
                ? create(request, ticket, list, item, id)
                : store.get(first));
    }

    private Future<Transfer> create(TransferRequest request, TicketTrail.TicketRef ticket, TransferList list, TransferListItem item,
                                    String id) {
        Instant now = clock.instant();
        String number = ticket.number() != null ? ticket.number() : request.ticketNumber();
        var transfer = new Transfer(id, Direction.TO_110, number, ticket.id(), item.code(),
                list.version(), request.title(), TransferStatus.QUEUED, now, null, null, null, null, null);
        var order = new LinkageOrder(id, number, item.code(), list.version(), item.urgency(),
                request.title(), request.content(), request.district(), request.address(), request.callerName(),
                request.callerPhone(), null, now);
        return store.save(transfer)
                .compose(saved -> outbox.enqueue(new OutboxMessage(null, "ORDER", id, id,
                        UpdateMessages.ORDERS_PATH, order.toJson().encode())))
                .compose(entry -> stats.add("to110.created", 1))
                .compose(v -> tickets.record(ticket.id(), id, PoliceLinkageStage.TRANSFERRED, item.code()))
                .map(transfer);
    }

    private TransferListItem pickItem(TransferList list, TransferRequest request) {
        if (request.itemCode() != null) {
            return list.item(request.itemCode()).orElseThrow(() -> HotlineException.rejected(
                    "linkage110.unknown-item", "现行移交清单（第" + list.version() + "版）中没有事项：" + request.itemCode()));
        }
        var verdict = detector.check(list, request.title(), request.content());
        if (!verdict.police()) {
            throw HotlineException.rejected("linkage110.not-police", "未命中12345移交110清单，请选择清单事项");
        }
        return verdict.item();
    }

    /** An update from 110 about one of our transfers; late or repeated updates change nothing. */
    public Future<JsonObject> applyPeerUpdate(LinkageUpdate update) {
        return store.get(update.transferId()).compose(transfer -> {
            if (transfer.direction() != Direction.TO_110) {
                return Future.failedFuture(HotlineException.notFound("linkage110.transfer-not-found",
                        "移交单不存在：" + update.transferId()));
            }
            TransferStatus next = transfer.status().after(update.type());
            if (next == transfer.status()) {
                return Future.succeededFuture(receipt(transfer.id(), next));
            }
            return apply(transfer, next, update).compose(applied -> applied
                    ? Future.succeededFuture(receipt(transfer.id(), next))
                    : applyPeerUpdate(update));
        });
    }

    private static JsonObject receipt(String transferId, TransferStatus status) {
        return new JsonObject().put("schema", "linkage-receipt.v1").put("received", true)
                .put("transferId", transferId).put("status", status.name());
    }

    /** Applies the transition if nobody changed the status meanwhile; false means read again and retry. */
    private Future<Boolean> apply(Transfer transfer, TransferStatus next, LinkageUpdate update) {
        Instant now = clock.instant();
        Map<String, String> fields = new HashMap<>();
        fields.put("status", next.name());
        boolean firstAnswer = transfer.acknowledgedAt() == null
                && (update.type() == UpdateType.ACKNOWLEDGED || update.type() == UpdateType.REJECTED);
        if (firstAnswer) {
            fields.put("acknowledgedAt", now.toString());
        }
        if (update.reason() != null) {
            fields.put("reason", update.reason());
        }
        if (update.type() == UpdateType.RESULT) {
            fields.put("resultAt", now.toString());
            fields.put("resultText", update.resultText());
        }
        long ackMillis = Duration.between(transfer.createdAt(), now).toMillis();
        return store.compareAndSet(transfer.id(), transfer.status(), fields).compose(applied -> !applied
                ? Future.succeededFuture(false)
                : (firstAnswer ? stats.add("to110.ackMillis", ackMillis) : Future.<Void>succeededFuture())
                        .compose(v -> count(transfer, update, now))
                        .compose(v -> onTicket(transfer, update))
                        .map(true));
    }

    /** Only the status change that won the compare-and-set gets here: each step is recorded on the ticket once. */
    private Future<Void> onTicket(Transfer transfer, LinkageUpdate update) {
        PoliceLinkageStage stage = switch (update.type()) {
            case ACKNOWLEDGED -> PoliceLinkageStage.ACKNOWLEDGED;
            case REJECTED -> PoliceLinkageStage.REJECTED;
            case RESULT -> PoliceLinkageStage.RESULTED;
            case IN_PROGRESS -> null;
        };
        if (stage == null || transfer.ticketId() == null) {
            return Future.succeededFuture();
        }
        String text = update.type() == UpdateType.RESULT ? update.resultText() : update.reason();
        return tickets.record(transfer.ticketId(), transfer.id(), stage, text);
    }

    private Future<Void> count(Transfer transfer, LinkageUpdate update, Instant now) {
        return switch (update.type()) {
            case ACKNOWLEDGED -> stats.add("to110.acknowledged", 1);
            case IN_PROGRESS -> Future.succeededFuture();
            case RESULT -> stats.add("to110.resulted", 1);
            case REJECTED -> stats.add("to110.rejected", 1).compose(v -> dispatcher.push(transfer.id(),
                    transfer.ticketId(), "REJECTED_BY_110", update.reason(), now));
        };
    }

    /** A dispatcher sends a parked message again; an undeliverable order is queued again. */
    public Future<JsonObject> retryParked(String parkedId) {
        return outbox.requeueParked(parkedId).compose(message -> "ORDER".equals(message.kind())
                ? store.compareAndSet(message.transferId(), TransferStatus.PARKED,
                        Map.of("status", TransferStatus.QUEUED.name())).map(message)
                : Future.succeededFuture(message))
                .map(message -> new JsonObject().put("requeued", true).put("transferId", message.transferId())
                        .put("kind", message.kind()));
    }

    @Override
    public Future<Void> delivered(OutboxMessage message) {
        if (!"ORDER".equals(message.kind())) {
            return Future.succeededFuture();
        }
        return store.compareAndSet(message.transferId(), TransferStatus.QUEUED,
                        Map.of("status", TransferStatus.DELIVERED.name()))
                .compose(v -> stats.add("to110.delivered", 1));
    }

    @Override
    public Future<Void> parked(OutboxMessage message, String reason) {
        boolean order = "ORDER".equals(message.kind());
        Future<?> status = order
                ? store.compareAndSet(message.transferId(), TransferStatus.QUEUED,
                        Map.of("status", TransferStatus.PARKED.name(), "reason", reason))
                : Future.succeededFuture();
        return status.compose(v -> stats.add(order ? "to110.parked" : "from110.parked", 1))
                .compose(v -> dispatcher.push(message.transferId(), null,
                        order ? "ORDER_UNDELIVERABLE" : "UPDATE_UNDELIVERABLE", reason, clock.instant()));
    }
}
