package org.hotline.core.api;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Masking;
import org.hotline.core.model.Ticket;

/**
 * How a ticket leaves the API: the {@code ticket.v1} snapshot, with the caller's name and phone
 * masked for whoever may not see them, and the citizen's query code only for center staff.
 */
public final class TicketViews {

    private final Function<Ticket, String> snapshots;

    public TicketViews(Function<Ticket, String> snapshotJson) {
        this.snapshots = snapshotJson;
    }

    /** The full view for a staff member who is in scope. */
    public JsonObject staffView(Ticket ticket, Actor viewer) {
        JsonObject view = snapshot(ticket);
        if (!Masking.seesPersonalData(viewer, ticket.caller().confidential())) {
            maskCaller(view);
        }
        if (!viewer.isCenterStaff()) {
            view.remove("queryCode");
        }
        return view;
    }

    /** Whether the view shows personal data in clear (for the audit trail). */
    public static boolean showsPersonalData(Ticket ticket, Actor viewer) {
        boolean hasData = ticket.caller().phone() != null || ticket.caller().name() != null;
        return hasData && Masking.seesPersonalData(viewer, ticket.caller().confidential());
    }

    /** What a citizen sees with number and query code: progress, the reply, no internal notes. */
    public JsonObject progressView(Ticket ticket) {
        JsonObject snapshot = snapshot(ticket);
        JsonObject view = new JsonObject()
            .put("ticketNumber", ticket.number().value())
            .put("status", ticket.status().name())
            .put("statusLabel", ticket.status().label())
            .put("title", ticket.title())
            .put("appealType", ticket.appealType().name())
            .put("receivedAt", snapshot.getValue("receivedAt"))
            .put("signedAt", snapshot.getValue("signedAt"))
            .put("repliedAt", snapshot.getValue("repliedAt"))
            .put("closedAt", snapshot.getValue("closedAt"))
            .put("department", ticket.leadDepartment());
        JsonObject reply = snapshot.getJsonObject("reply");
        view.put("reply", reply == null ? null : new JsonObject().put("text", reply.getValue("text")).put("at", reply.getValue("at")));
        JsonObject visit = snapshot.getJsonObject("visit");
        view.put("visit", visit == null ? null
            : new JsonObject().put("resolution", visit.getValue("resolution")).put("satisfaction", visit.getValue("satisfaction")));
        return view;
    }

    public JsonObject snapshot(Ticket ticket) {
        return new JsonObject(snapshots.apply(ticket));
    }

    private static void maskCaller(JsonObject view) {
        JsonObject caller = view.getJsonObject("caller");
        if (caller != null) {
            caller.put("name", Masking.maskName(caller.getString("name")));
            caller.put("phone", Masking.maskPhone(caller.getString("phone")));
        }
    }
}
