package org.hotline.search.elastic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.port.CenterTally;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.report.AssistanceFacts;
import org.hotline.search.port.TicketFacts;

/**
 * Elasticsearch sources: flat fields for filters, text and aggregations (see tickets-template.json),
 * the report facts fixed at index time ({@code f_*}), and the whole document under {@code doc}
 * (not indexed) so hits read back through {@link DocumentJson} like the Lucene backend's.
 */
final class ElasticDocuments {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private final DocumentJson json;
    private final String prefix;

    ElasticDocuments(DocumentJson json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    String ticketsAlias() {
        return prefix + "-tickets";
    }

    String recordsAlias(ActivityRecord.Kind kind) {
        return prefix + "-" + kindName(kind);
    }

    /** Monthly index by received time: it never changes, so every version of a ticket lands in the same index. */
    String ticketIndex(TicketDocument t) {
        return ticketsAlias() + "-" + MONTH.format(t.at().received());
    }

    String recordIndex(ActivityRecord r) {
        return recordsAlias(r.kind()) + "-" + MONTH.format(r.at());
    }

    static String kindName(ActivityRecord.Kind kind) {
        return switch (kind) {
            case EVENT -> "events";
            case CALL -> "calls";
        };
    }

    Map<String, Object> source(TicketDocument t) {
        var s = new HashMap<String, Object>();
        s.put("id", t.id());
        s.put("number", t.number());
        s.put("version", t.version());
        s.put("status", t.status());
        s.put("channel", t.channel());
        s.put("appeal_type", t.appealType());
        s.put("urgency", t.urgency());
        s.put("district", t.district());
        s.put("street", t.street());
        s.put("category", t.categoryCode());
        s.put("lead_department", t.leadDepartment());
        s.put("departments", t.departments());
        s.put("caller_phone", t.caller().phone());
        s.put("satisfaction", t.satisfaction());
        s.put("tags", t.tags());
        s.put("title", t.title());
        s.put("content", t.content());
        s.put("reply", t.replyText());
        s.put("text_seg", t.segmented());
        s.put("received_at", iso(t.at().received()));
        s.put("signed_at", iso(t.at().signed()));
        s.put("first_contact_at", iso(t.at().firstContact()));
        s.put("replied_at", iso(t.at().replied()));
        s.put("closed_at", iso(t.at().closed()));
        s.put("due_sign", iso(t.due().sign()));
        s.put("due_contact", iso(t.due().contact()));
        s.put("due_handle", iso(t.due().handle()));
        s.put("due_handle_yellow", iso(t.due().handleYellow()));
        s.put("return_count", t.returnCount());
        s.put("extension_count", t.extensionCount());
        if (t.routing() != null) {
            s.put("assigned_at", iso(t.routing().firstAssignedAt()));
            s.put("assigned_auto", t.routing().automatic());
            s.put("f_misrouted", t.routing().misrouted() ? 1 : 0);
        }
        facts(s, TicketFacts.Fixed.of(t));
        assisting(s, AssistanceFacts.of(t));
        s.put("f_replied", t.at().replied() == null ? 0 : 1);
        s.put("doc", json.convert(t, Map.class));
        return s;
    }

    /** 协办: the units whose part counts and is on time, one keyword array per fact, so a terms aggregation counts them. */
    private static void assisting(Map<String, Object> s, java.util.List<AssistanceFacts> parts) {
        if (parts.isEmpty()) {
            return;
        }
        s.put("assist_units", parts.stream().map(AssistanceFacts::department).toList());
        s.put("assist_sign_due", parts.stream().filter(f -> f.signDue() == 1).map(AssistanceFacts::department).toList());
        s.put("assist_signed_on_time", parts.stream().filter(f -> f.signedOnTime() == 1).map(AssistanceFacts::department).toList());
        s.put("assist_opinion_due", parts.stream().filter(f -> f.opinionDue() == 1).map(AssistanceFacts::department).toList());
        s.put("assist_answered_on_time", parts.stream().filter(f -> f.answeredOnTime() == 1).map(AssistanceFacts::department).toList());
    }

    private static void facts(Map<String, Object> s, TicketFacts.Fixed f) {
        s.put("replied_late", f.repliedLate() == 1);
        s.put("f_signed_on_time", f.signedOnTime());
        s.put("f_responded", f.responded());
        s.put("f_completed_on_time", f.completedOnTime());
        s.put("f_visited", f.visited());
        s.put("f_resolved", f.resolved());
        s.put("f_rated", f.rated());
        s.put("f_satisfied", f.satisfied());
        s.put("f_basically_satisfied", f.basicallySatisfied());
        s.put("f_handling_seconds", f.handlingSeconds());
        s.put("f_first_rated", f.firstRated());
        s.put("f_first_satisfied", f.firstSatisfied());
        s.put("f_first_basically_satisfied", f.firstBasicallySatisfied());
    }

    Map<String, Object> source(ActivityRecord r) {
        var s = new HashMap<String, Object>();
        s.put("id", r.id());
        s.put("ticket_id", r.ticketId());
        s.put("type", r.type());
        s.put("at", iso(r.at()));
        s.put("caller_phone", r.callerPhone());
        if (r.kind() == ActivityRecord.Kind.CALL) {
            // numeric copies for the center report's sums; the body itself is stored, not indexed
            s.put("wait_seconds", CenterTally.seconds(r.body().get("waitSeconds")));
            s.put("talk_seconds", CenterTally.seconds(r.body().get("talkSeconds")));
        }
        s.put("body", r.body());
        return s;
    }

    TicketDocument document(Map<?, ?> source) {
        return json.convert(source.get("doc"), TicketDocument.class);
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
