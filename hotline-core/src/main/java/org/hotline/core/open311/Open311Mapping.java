package org.hotline.core.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Department;
import org.hotline.core.model.Masking;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;

/**
 * How the catalog and tickets look in GeoReport v2: service_code ↔ category, agency_responsible ↔
 * lead unit, status open/closed ↔ non-terminal/terminal, status_notes ↔ reply, expected_datetime ↔
 * handling deadline. Only publishable tickets are shown, and never a caller's name or phone.
 */
final class Open311Mapping {

    private Open311Mapping() {
    }

    static JsonObject service(Category category) {
        return new JsonObject()
            .put("service_code", category.code())
            .put("service_name", category.name())
            .put("description", category.pathText())
            .put("metadata", false)
            .put("type", "realtime")
            .put("keywords", String.join(",", category.path()))
            .put("group", category.path().isEmpty() ? category.name() : category.path().get(0));
    }

    /** Services are the leaves of the catalog: what a citizen can actually report. */
    static JsonArray services(CategoryCatalog catalog) {
        JsonArray list = new JsonArray();
        // retired categories are not offered; a branch whose leaves were all retired becomes the leaf
        catalog.inUse().stream().filter(c -> catalog.children(c.code()).stream().noneMatch(child -> catalog.chooseable(child.code())))
            .forEach(c -> list.add(service(c)));
        return list;
    }

    /**
     * Publishable: not confidential, not a report (举报, whose reporter must stay unknown), not a
     * 110 transfer, not refused. Everything else is public work of the government.
     */
    static boolean publishable(Ticket ticket) {
        return !ticket.caller().confidential()
            && ticket.appealType() != AppealType.REPORT
            && ticket.channel() != Channel.POLICE_110
            && ticket.status() != TicketStatus.NOT_ACCEPTED;
    }

    static boolean open(Ticket ticket) {
        return ticket.status().isOpen();
    }

    static JsonObject request(Ticket ticket, JsonObject snapshot, DepartmentDirectory departments, boolean extensions) {
        JsonObject reply = snapshot.getJsonObject("reply");
        JsonObject handle = snapshot.getJsonObject("clocks", new JsonObject()).getJsonObject("HANDLE");
        JsonObject request = new JsonObject()
            .put("service_request_id", ticket.number().value())
            .put("status", open(ticket) ? "open" : "closed")
            .put("status_notes", reply == null ? null : maskText(reply.getString("text")))
            .put("service_name", ticket.category() == null ? null : ticket.category().name())
            .put("service_code", ticket.category() == null ? null : ticket.category().code())
            .put("description", maskText(ticket.content()))
            .put("agency_responsible", agency(ticket.leadDepartment(), departments))
            .put("service_notice", null)
            .put("requested_datetime", snapshot.getString("receivedAt"))
            .put("updated_datetime", updated(snapshot))
            .put("expected_datetime", handle == null ? null : handle.getString("dueAt"))
            .put("address", ticket.location().address())
            .put("address_id", null)
            .put("zipcode", null)
            .put("lat", ticket.location().lat())
            .put("long", ticket.location().lon())
            .put("media_url", null);
        if (extensions) {
            request.put("extended_attributes", new JsonObject().put("notes", notes(ticket, snapshot)));
        }
        return request;
    }

    private static JsonArray notes(Ticket ticket, JsonObject snapshot) {
        JsonArray notes = new JsonArray();
        note(notes, snapshot.getString("receivedAt"), "已受理");
        note(notes, snapshot.getString("signedAt"), "承办单位已签收");
        JsonObject reply = snapshot.getJsonObject("reply");
        note(notes, snapshot.getString("repliedAt"), reply == null ? "承办单位已答复" : "承办单位已答复：" + maskText(reply.getString("text")));
        note(notes, snapshot.getString("closedAt"), "已办结（" + ticket.status().label() + "）");
        return notes;
    }

    private static void note(JsonArray notes, String at, String summary) {
        if (at != null) {
            notes.add(new JsonObject().put("datetime", at).put("summary", summary).put("type", "status"));
        }
    }

    private static String updated(JsonObject snapshot) {
        String latest = snapshot.getString("receivedAt");
        for (String field : new String[] {"signedAt", "firstContactAt", "repliedAt", "closedAt"}) {
            String at = snapshot.getString(field);
            if (at != null && at.compareTo(latest) > 0) {
                latest = at;
            }
        }
        return latest;
    }

    private static String agency(String departmentId, DepartmentDirectory departments) {
        if (departmentId == null) {
            return null;
        }
        return departments.find(departmentId).map(Department::name).orElse(departmentId);
    }

    // phone numbers typed into free text are masked like the caller's own
    static String maskText(String text) {
        return Masking.maskPhonesInText(text);
    }
}
