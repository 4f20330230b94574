package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.UUID;
import org.hotline.linkage110.exchange.LinkageUpdate;
import org.hotline.linkage110.outbox.Outbox;
import org.hotline.linkage110.outbox.OutboxMessage;

/** Builds the outbox messages of the exchange, with stable idempotency keys. */
final class UpdateMessages {

    static final String ORDERS_PATH = "/linkage/v1/orders";

    private UpdateMessages() {
    }

    static String updatesPath(String transferId) {
        return ORDERS_PATH + "/" + transferId + "/updates";
    }

    /** Acknowledgement, rejection and result happen once per transfer, so their key is derived, not random. */
    static String updateId(String transferId, UpdateType type) {
        return switch (type) {
            case ACKNOWLEDGED, REJECTED, RESULT -> transferId + ":" + type.name();
            case IN_PROGRESS -> transferId + ":" + type.name() + ":" + UUID.randomUUID();
        };
    }

    static Future<String> enqueue(Outbox outbox, String transferId, UpdateType type, String reason, String outcome,
                                  String text, String handledBy, Instant at) {
        String updateId = updateId(transferId, type);
        var update = new LinkageUpdate(transferId, updateId, type, reason, outcome, text, handledBy, at);
        return outbox.enqueue(new OutboxMessage(null, "UPDATE", updateId, transferId, updatesPath(transferId),
                update.toJson().encode()));
    }
}
