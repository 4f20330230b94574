package org.hotline.linkage110.transfer;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The visible state of one transfer, either way. Every transfer records the list item and the
 * list version it relied on.
 *
 * @param sourceRef the sender's own reference (12345 ticket number or 110 incident number)
 * @param ticketId  our ticket: the one handed over, or the one created for a police order
 */
public record Transfer(
        String id,
        Direction direction,
        String sourceRef,
        String ticketId,
        String listCode,
        int listVersion,
        String title,
        TransferStatus status,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant resultAt,
        Instant resultDueAt,
        String reason,
        String resultText) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Map<String, String> toHash() {
        Map<String, String> hash = new HashMap<>();
        hash.put("id", id);
        hash.put("direction", direction.name());
        put(hash, "sourceRef", sourceRef);
        put(hash, "ticketId", ticketId);
        put(hash, "listCode", listCode);
        hash.put("listVersion", Integer.toString(listVersion));
        put(hash, "title", title);
        hash.put("status", status.name());
        hash.put("createdAt", createdAt.toString());
        put(hash, "acknowledgedAt", acknowledgedAt);
        put(hash, "resultAt", resultAt);
        put(hash, "resultDueAt", resultDueAt);
        put(hash, "reason", reason);
        put(hash, "resultText", resultText);
        return hash;
    }

    public static Transfer fromHash(Map<String, String> h) {
        return new Transfer(h.get("id"), Direction.valueOf(h.get("direction")), h.get("sourceRef"),
                h.get("ticketId"), h.get("listCode"), Integer.parseInt(h.getOrDefault("listVersion", "0")),
                h.get("title"), TransferStatus.valueOf(h.get("status")), Instant.parse(h.get("createdAt")),
                instant(h.get("acknowledgedAt")), instant(h.get("resultAt")), instant(h.get("resultDueAt")),
                h.get("reason"), h.get("resultText"));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        toHash().forEach(json::put);
        json.put("listVersion", listVersion);
        return json;
    }

    private static void put(Map<String, String> hash, String field, Object value) {
        if (value != null) {
            hash.put(field, value.toString());
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
