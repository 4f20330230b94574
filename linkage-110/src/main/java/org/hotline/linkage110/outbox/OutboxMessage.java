package org.hotline.linkage110.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message waiting to be delivered to the 110 platform. The idempotency key travels with every
 * attempt, so the peer applies the message once however often it arrives.
 *
 * @param entryId    the outbox stream entry id (null before it is enqueued)
 * @param kind       {@code ORDER} (a new transfer) or {@code UPDATE} (ack, status, result of theirs)
 * @param path       request path on the peer, e.g. {@code /linkage/v1/orders}
 * @param body       exact JSON body to send and sign
 */
public record OutboxMessage(String entryId, String kind, String idempotencyKey, String transferId,
                            String path, String body) {

    public OutboxMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    public Map<String, String> toFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("idempotencyKey", idempotencyKey);
        fields.put("transferId", transferId);
        fields.put("path", path);
        fields.put("body", body);
        return fields;
    }

    public static OutboxMessage fromFields(String entryId, Map<String, String> f) {
        return new OutboxMessage(entryId, f.get("kind"), f.get("idempotencyKey"), f.get("transferId"),
                f.get("path"), f.get("body"));
    }
}
