package org.hotline.dispatch.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code ticket.v1} snapshot of an imported closed ticket and its stream entry, shaped like the
 * ticket event stream so the search indexer can consume {@code hotline:stream:history-import} with
 * the same code. Imported tickets carry no caller data: the previous system's personal data stays there.
 */
final class HistorySnapshot {

    static final String EVENT_TYPE = "TicketImported";

    private HistorySnapshot() {
    }

    static String ticketId(HistoryLine line) {
        return "hist-" + line.fingerprint();
    }

    static Map<String, String> streamEntry(HistoryLine line, Instant now) {
        JsonObject ticket = ticket(line, now);
        JsonObject event = new JsonObject().put("type", EVENT_TYPE).put("at", now.toString())
                .put("actor", "system:history-import").put("line", line.lineNumber());
        return Map.of("ticketId", ticket.getString("id"), "number", ticket.getString("number"),
                "version", "1", "type", EVENT_TYPE, "at", now.toString(),
                "event", event.encode(), "ticket", ticket.encode());
    }

    static JsonObject ticket(HistoryLine line, Instant now) {
        String id = ticketId(line);
        Instant received = line.receivedAt() == null ? now : line.receivedAt();
        Instant closed = line.closedAt() == null ? received : line.closedAt();
        return new JsonObject()
                .put("schema", "ticket.v1").put("id", id).put("number", "HIST-" + line.fingerprint().toUpperCase())
                .put("version", 1).put("status", "CLOSED").put("channel", null)
                .put("appealType", line.appealType()).put("urgency", "NORMAL")
                .put("title", line.title()).put("content", line.content())
                .put("caller", new JsonObject().put("name", null).put("phone", null)
                        .put("confidential", false).put("anonymous", true))
                .put("location", new JsonObject().put("district", line.district()).put("street", null)
                        .put("community", null).put("address", null).put("lat", null).put("lon", null))
                .put("category", new JsonObject().put("code", line.category()).put("name", line.category())
                        .put("path", new JsonArray(List.of(line.category()))))
                .put("leadDepartment", line.department()).put("assistingDepartments", new JsonArray())
                .put("receivedAt", received.toString()).put("signedAt", null).put("firstContactAt", null)
                .put("repliedAt", null).put("closedAt", closed.toString()).put("clocks", new JsonObject())
                .put("reply", null).put("visit", null).put("returnCount", 0).put("extensionCount", 0)
                .put("urgeCount", 0).put("reopenCount", 0).put("masterTicketId", null)
                .put("callIds", new JsonArray()).put("tags", new JsonArray(List.of("history-import")));
    }
}
