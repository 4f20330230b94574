package org.hotline.search.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Masking;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.SearchPage;
import org.hotline.search.port.TicketHit;

/** Search hits as the API shows them, with the caller masked per {@link Masking} for the viewer. */
final class HitJson {

    private HitJson() {
    }

    static JsonObject page(SearchPage page, Actor viewer, Instant asOf) {
        var hits = new JsonArray();
        page.hits().forEach(h -> hits.add(hit(h, viewer, asOf)));
        return new JsonObject().put("total", page.total()).put("hits", hits).put("nextSearchAfter", page.nextSearchAfter());
    }

    static JsonObject hit(TicketHit hit, Actor viewer, Instant asOf) {
        TicketDocument t = hit.ticket();
        boolean clear = Masking.seesPersonalData(viewer, t.caller().confidential());
        var json = new JsonObject()
                .put("id", t.id()).put("number", t.number()).put("version", t.version()).put("status", t.status())
                .put("channel", t.channel()).put("appealType", t.appealType()).put("urgency", t.urgency())
                .put("title", clear ? t.title() : Masking.maskPhonesInText(t.title()))
                .put("content", clear ? t.content() : Masking.maskPhonesInText(t.content()))
                .put("district", t.district()).put("street", t.street())
                .put("category", t.categoryCode()).put("categoryName", t.categoryName())
                .put("leadDepartment", t.leadDepartment()).put("assistingDepartments", new JsonArray(t.assistingDepartments()))
                .put("receivedAt", iso(t.at().received())).put("repliedAt", iso(t.at().replied()))
                .put("closedAt", iso(t.at().closed())).put("handleDueAt", iso(t.due().handle()))
                .put("overdue", overdue(t, asOf))
                .put("caller", caller(t.caller(), viewer))
                .put("highlight", clear ? new JsonObject(new java.util.HashMap<>(hit.highlights())) : maskedHighlights(hit));
        if (!Double.isNaN(hit.score())) {
            json.put("score", hit.score());
        }
        return json;
    }

    /** Highlight fragments are free text too: numbers in them are masked like the title and content. */
    private static JsonObject maskedHighlights(TicketHit hit) {
        var out = new JsonObject();
        hit.highlights().forEach((field, fragment) -> out.put(field, Masking.maskPhonesInText(fragment)));
        return out;
    }

    private static JsonObject caller(TicketDocument.Caller caller, Actor viewer) {
        boolean clear = Masking.seesPersonalData(viewer, caller.confidential());
        return new JsonObject()
                .put("name", clear ? caller.name() : Masking.maskName(caller.name()))
                .put("phone", clear ? caller.phone() : Masking.maskPhone(caller.phone()))
                .put("confidential", caller.confidential()).put("anonymous", caller.anonymous());
    }

    private static boolean overdue(TicketDocument t, Instant asOf) {
        Instant due = t.due().handle();
        Instant replied = t.at().replied();
        return due != null && (replied == null ? !due.isAfter(asOf) : replied.isAfter(due));
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
