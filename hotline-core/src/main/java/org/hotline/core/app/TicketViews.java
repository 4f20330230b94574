package org.hotline.core.app;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Masking;
import org.hotline.core.model.Ticket;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;
import org.hotline.core.time.Deadlines;
import org.hotline.core.time.WorkingTimeLeft;

/**
 * How a ticket leaves the API: the {@code ticket.v1} snapshot, with the caller's name and phone
 * masked for whoever may not see them, and the citizen's query code only for center staff.
 */
public final class TicketViews {

    private final Function<Ticket, String> snapshots;
    private final Supplier<Deadlines> deadlines;
    private final Clock clock;
    private final Function<String, String> unitNames;

    /** Views without the working-time countdown fields (the snapshot as it is). */
    public TicketViews(Function<Ticket, String> snapshotJson) {
        this(snapshotJson, null, null);
    }

    /**
     * {@code deadlines} is asked each time, so a holiday year an administrator adds counts at once;
     * with it the staff views carry each open clock's working time left at {@code clock}'s now.
     */
    public TicketViews(Function<Ticket, String> snapshotJson, Supplier<Deadlines> deadlines, Clock clock) {
        this(snapshotJson, deadlines, clock, id -> null);
    }

    /** {@code unitNames}: a department's name by its id (null when unknown), for the citizens' progress view. */
    public TicketViews(Function<Ticket, String> snapshotJson, Supplier<Deadlines> deadlines, Clock clock, Function<String, String> unitNames) {
        this.snapshots = snapshotJson;
        this.deadlines = deadlines;
        this.clock = clock;
        this.unitNames = unitNames;
    }

    /** The full view for a staff member who is in scope. */
    public JsonObject staffView(Ticket ticket, Actor viewer) {
        JsonObject view = snapshot(ticket);
        if (view.getValue("clocks") instanceof JsonObject shown) {
            view.put("clocks", clocks(ticket, shown));
        }
        // each assisting unit's own clocks count down like the lead's
        if (view.getValue("assistance") instanceof io.vertx.core.json.JsonArray parts) {
            parts.forEach(p -> {
                if (p instanceof JsonObject part && part.getValue("clocks") instanceof JsonObject shown) {
                    ticket.assistanceOf(part.getString("department")).ifPresent(a -> part.put("clocks", clocks(a.clocks(), shown)));
                }
            });
        }
        if (!Masking.seesPersonalData(viewer, ticket.caller().confidential())) {
            maskCaller(view);
            maskFreeText(view, ticket);
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
            .put("department", ticket.leadDepartment())
            .put("departmentName", ticket.leadDepartment() == null ? null : unitNames.apply(ticket.leadDepartment()));
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

    /**
     * The snapshot's clocks, each open one with {@code remainingWorkingSeconds} (counted time left,
     * negative when overdue), {@code countingNow} and {@code countingChangesAt} (when it next flips); every
     * clock with {@code derivation} (the steps: 起算, 时限, 不计/计入 days, 截止) and {@code provisional}.
     */
    public JsonObject clocks(Ticket ticket, JsonObject snapshotClocks) {
        return clocks(ticket.clocks(), snapshotClocks);
    }

    private JsonObject clocks(java.util.Map<ClockName, ClockTrack> tracks, JsonObject snapshotClocks) {
        JsonObject out = snapshotClocks == null ? new JsonObject() : snapshotClocks.copy();
        if (deadlines == null) {
            return out;
        }
        Deadlines current = deadlines.get();
        Instant now = clock.instant();
        for (String name : out.fieldNames()) {
            ClockName key = clockName(name);
            ClockTrack track = key == null ? null : tracks.get(key);
            if (track == null || !(out.getValue(name) instanceof JsonObject shown)) {
                continue;
            }
            ClockStatus status = current.compute(track);
            // each deadline with the steps that derived it; provisional when counted through a year without official data
            shown.put("provisional", status.provisional()).put("derivation", new io.vertx.core.json.JsonArray(
                status.derivation().steps().stream().map(Object.class::cast).toList()));
            WorkingTimeLeft left = WorkingTimeLeft.of(current.calendar(), track, status, now);
            if (left != null) {
                shown.put("remainingWorkingSeconds", left.remainingSeconds()).put("countingNow", left.countingNow())
                    .put("countingChangesAt", left.countingChangesAt() == null ? null : left.countingChangesAt().toString());
            }
        }
        return out;
    }

    private static ClockName clockName(String name) {
        try {
            return ClockName.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Numbers typed into the title, the content, the reply, the visit notes and the assisting units' opinions (a caller's own or anyone's
     * mobile, landline, ID card) are masked for whoever may not see the caller's number.
     */
    private static void maskFreeText(JsonObject view, Ticket ticket) {
        for (String field : new String[] {"title", "content"}) {
            if (view.getValue(field) instanceof String text) {
                view.put(field, Masking.maskInText(text, ticket.caller()));
            }
        }
        if (view.getValue("reply") instanceof JsonObject reply && reply.getValue("text") instanceof String text) {
            reply.put("text", Masking.maskInText(text, ticket.caller()));
        }
        if (view.getValue("visit") instanceof JsonObject visit && visit.getValue("note") instanceof String note) {
            visit.put("note", Masking.maskInText(note, ticket.caller()));
        }
        maskInEach(view, "visits", "note", ticket);
        maskInEach(view, "assistance", "opinion", ticket);
    }

    private static void maskInEach(JsonObject view, String list, String field, Ticket ticket) {
        if (view.getValue(list) instanceof io.vertx.core.json.JsonArray items) {
            items.forEach(v -> {
                if (v instanceof JsonObject one && one.getValue(field) instanceof String text) {
                    one.put(field, Masking.maskInText(text, ticket.caller()));
                }
            });
        }
    }

    private static void maskCaller(JsonObject view) {
        JsonObject caller = view.getJsonObject("caller");
        if (caller != null) {
            caller.put("name", Masking.maskName(caller.getString("name")));
            caller.put("phone", Masking.maskPhone(caller.getString("phone")));
        }
    }
}
