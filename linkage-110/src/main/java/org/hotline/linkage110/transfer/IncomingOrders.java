package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.exchange.LinkageOrder;
import org.hotline.linkage110.lists.TransferList;
import org.hotline.linkage110.lists.TransferLists;
import org.hotline.linkage110.outbox.Outbox;

/**
 * 110 -> 12345: a police order becomes a ticket (channel POLICE_110) through the intake port, is
 * acknowledged through the outbox, and its status and result go back to 110 the same way. An order
 * outside the 110 -> 12345 list is rejected with a reason instead.
 */
public final class IncomingOrders {

    private final TransferStore store;
    private final TransferLists lists;
    private final Outbox outbox;
    private final LinkageStats stats;
    private final PoliceOrderIntake intake;
    private final Linkage110Config config;
    private final Clock clock;

    public IncomingOrders(TransferStore store, TransferLists lists, Outbox outbox, LinkageStats stats,
                          PoliceOrderIntake intake, Linkage110Config config, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.outbox = outbox;
        this.stats = stats;
        this.intake = intake;
        this.config = config;
        this.clock = clock;
    }

    /** Called once per idempotency key (see IdempotentReceipts); returns the receipt for 110. */
    public Future<JsonObject> receive(LinkageOrder order) {
        if (order.transferId().startsWith("12345-")) {
            return Future.failedFuture(HotlineException.invalid("linkage110.bad-transfer-id",
                    "transferId前缀12345-为本平台保留"));
        }
        return store.find(order.transferId()).compose(existing -> existing != null
                ? Future.succeededFuture(existing)
                : lists.version(Direction.FROM_110, order.listVersion()).compose(list -> admit(order, list)))
                .map(t -> new JsonObject().put("schema", "linkage-receipt.v1").put("received", true)
                        .put("transferId", t.id()).put("status", t.status().name()));
    }

    private Future<Transfer> admit(LinkageOrder order, TransferList list) {
        Instant now = clock.instant();
        if (list == null || list.item(order.listCode()).isEmpty()) {
            String reason = "不属于110移交12345清单事项（" + order.listCode() + "，第" + order.listVersion() + "版），请110处置";
            var rejected = transfer(order, null, TransferStatus.REJECTED, now, reason);
            return store.save(rejected)
                    .compose(t -> UpdateMessages.enqueue(outbox, t.id(), UpdateType.REJECTED, reason, null, null, null, now))
                    .compose(v -> count(order, now, "from110.rejected"))
                    .map(rejected);
        }
        return intake.accept(police(order)).compose(ticketId -> {
            var accepted = transfer(order, ticketId, TransferStatus.ACKNOWLEDGED, now, null);
            return store.save(accepted)
                    .compose(t -> store.linkTicket(ticketId, t.id()))
                    .compose(v -> UpdateMessages.enqueue(outbox, order.transferId(), UpdateType.ACKNOWLEDGED,
                            null, null, null, null, now))
                    .compose(v -> count(order, now, "from110.acknowledged"))
                    .map(accepted);
        });
    }

    private Future<Void> count(LinkageOrder order, Instant now, String answer) {
        long ackMillis = Math.max(0, Duration.between(order.sentAt(), now).toMillis());
        return stats.add("from110.created", 1).compose(v -> stats.add(answer, 1))
                .compose(v -> stats.add("from110.ackMillis", ackMillis));
    }

    /**
     * Our handling status or result of a police order, sent back to 110. Results after the agreed
     * limit still go, and are counted late.
     */
    public Future<Transfer> report(String transferId, UpdateType type, String reason, String outcome, String text,
                                   String handledBy) {
        if (type == UpdateType.REJECTED && (reason == null || reason.isBlank())) {
            return Future.failedFuture(HotlineException.invalid("linkage110.reason-required", "退回110必须说明理由"));
        }
        if (type == UpdateType.RESULT && (text == null || text.isBlank())) {
            return Future.failedFuture(HotlineException.invalid("linkage110.result-required", "办理结果不能为空"));
        }
        return store.get(transferId).compose(transfer -> {
            if (transfer.direction() != Direction.FROM_110) {
                return Future.failedFuture(HotlineException.rejected("linkage110.not-incoming",
                        "只能对110移交来的警单回复处理情况"));
            }
            TransferStatus next = transfer.status().after(type);
            if (next == transfer.status()) {
                return Future.failedFuture(HotlineException.rejected("linkage110.already-closed",
                        "该警单当前状态不能再回复：" + transfer.status()));
            }
            Instant now = clock.instant();
            return store.compareAndSet(transferId, transfer.status(), fields(next, type, reason, text, now))
                    .compose(applied -> !applied
                            ? Future.failedFuture(HotlineException.conflict("linkage110.concurrent", "警单状态已变化，请刷新后重试"))
                            : UpdateMessages.enqueue(outbox, transferId, type, reason, outcome, text, handledBy, now)
                                    .compose(id -> countReport(transfer, type, now)))
                    .compose(v -> store.get(transferId));
        });
    }

    private Future<Void> countReport(Transfer transfer, UpdateType type, Instant now) {
        if (type != UpdateType.RESULT) {
            return Future.succeededFuture();
        }
        boolean late = transfer.resultDueAt() != null && now.isAfter(transfer.resultDueAt());
        return stats.add("from110.resulted", 1)
                .compose(v -> late ? stats.add("from110.resultsLate", 1) : Future.succeededFuture());
    }

    private static Map<String, String> fields(TransferStatus next, UpdateType type, String reason, String text,
                                              Instant now) {
        Map<String, String> fields = new HashMap<>();
        fields.put("status", next.name());
        if (reason != null) {
            fields.put("reason", reason);
        }
        if (type == UpdateType.RESULT) {
            fields.put("resultAt", now.toString());
            fields.put("resultText", text);
        }
        return fields;
    }

    private Transfer transfer(LinkageOrder order, String ticketId, TransferStatus status, Instant now, String reason) {
        return new Transfer(order.transferId(), Direction.FROM_110, order.sourceRef(), ticketId, order.listCode(),
                order.listVersion(), order.title(), status, now, now, null, now.plus(config.resultLimit()), reason, null);
    }

    private static PoliceOrder police(LinkageOrder o) {
        return new PoliceOrder(o.transferId(), o.sourceRef(), o.listCode(), o.listVersion(), o.urgency(), o.title(),
                o.content(), o.district(), o.address(), o.callerName(), o.callerPhone(), o.occurredAt());
    }
}
