package org.hotline.search.doc;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket event or a call record kept for the audit trail and call search: stored as is (body),
 * indexed by ticket, type, time and caller. The id makes re-delivery idempotent.
 */
public record ActivityRecord(Kind kind, String id, String ticketId, String type, Instant at,
                             String callerPhone, Map<String, Object> body) {

    public enum Kind { EVENT, CALL }

    public ActivityRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        body = body == null ? Map.of() : body;
    }
}
