package org.hotline.search.api;

import io.vertx.core.Future;
import java.util.List;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Masking;
import org.hotline.search.port.TicketHit;

/**
 * Search answers as personal-data reads in the audit trail ({@link AuditLog}): which tickets' callers a
 * result list showed this user in clear, and whether the search was by a caller's number. The entry
 * names tickets and counts, never the number searched for.
 */
final class SearchAudit {

    private final AuditLog audit;

    SearchAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Records one search: {@code resourceId} lists the ids of the hits whose caller this user sees in
     * clear; personal data was read when there is one, or when the search was by a caller's number.
     */
    Future<Void> record(Actor actor, String action, List<TicketHit> hits, boolean byCallerNumber) {
        List<String> revealed = hits.stream()
                .filter(hit -> Masking.seesPersonalData(actor, hit.ticket().caller().confidential()))
                .map(hit -> hit.ticket().id())
                .toList();
        String detail = "hits=" + hits.size() + ";revealed=" + revealed.size() + (byCallerNumber ? ";byCallerNumber" : "");
        return audit.record(new AuditLog.Entry(actor, action, "ticket", String.join(",", revealed),
                byCallerNumber || !revealed.isEmpty(), "ok", detail)).mapEmpty();
    }

    /** True when the free text holds a mobile, landline or ID-card number (what masking would hide). */
    static boolean namesANumber(String text) {
        return text != null && !text.equals(Masking.maskPhonesInText(text));
    }
}
