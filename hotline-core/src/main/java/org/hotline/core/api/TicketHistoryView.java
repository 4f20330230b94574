package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Masking;
import org.hotline.core.model.Ticket;
import org.hotline.core.port.StreamEvent;

/**
 * A ticket's event history as a staff member reads it: each event's type (and its Chinese label),
 * time, who acted (role, department, name), the reason and the event's own fields (reply text,
 * departments, new deadline...). Masked like the ticket view: whoever may not see the caller gets
 * the caller's name and phone, and any mobile number, masked inside every text; user ids of the
 * actors are shown to center staff only.
 */
final class TicketHistoryView {

    private static final Set<String> ENVELOPE = Set.of("schema", "type", "at", "actor", "reason");

    private TicketHistoryView() {
    }

    static JsonObject of(Ticket ticket, List<StreamEvent> events, Actor viewer) {
        boolean clear = Masking.seesPersonalData(viewer, ticket.caller().confidential());
        JsonArray items = new JsonArray();
        events.forEach(event -> items.add(item(event, ticket.caller(), clear, viewer.isCenterStaff())));
        return new JsonObject()
            .put("ticketId", ticket.id().value())
            .put("number", ticket.number().value())
            .put("complete", contiguousFromOne(events))
            .put("items", items);
    }

    private static JsonObject item(StreamEvent event, Caller caller, boolean clear, boolean showUserIds) {
        JsonObject json = new JsonObject(event.eventJson());
        JsonObject item = new JsonObject()
            .put("version", event.version())
            .put("type", event.type())
            .put("label", EventLabels.of(event.type()))
            .put("at", event.at().toString())
            .put("actor", actor(json.getJsonObject("actor"), showUserIds))
            .put("reason", text(json.getString("reason"), caller, clear));
        JsonObject details = new JsonObject();
        json.forEach(field -> {
            if (!ENVELOPE.contains(field.getKey())) {
                Object value = field.getValue();
                details.put(field.getKey(), value instanceof String s ? text(s, caller, clear) : value);
            }
        });
        return item.put("details", details);
    }

    private static JsonObject actor(JsonObject actor, boolean showUserIds) {
        if (actor == null) {
            return null;
        }
        JsonObject view = new JsonObject().put("role", actor.getString("role"))
            .put("departmentId", actor.getString("departmentId")).put("displayName", actor.getString("displayName"));
        return showUserIds ? view.put("userId", actor.getString("userId")) : view;
    }

    private static String text(String value, Caller caller, boolean clear) {
        return clear ? value : Masking.maskInText(value, caller);
    }

    /** Whether nothing is missing: versions 1, 2, 3 ... without a gap (older tickets may lack early events). */
    private static boolean contiguousFromOne(List<StreamEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).version() != i + 1) {
                return false;
            }
        }
        return !events.isEmpty();
    }
}
