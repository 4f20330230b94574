package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.search.doc.ActivityRecord;
import co.elastic.clients.json.JsonData;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.CenterTally;

/** Reads recorded events and call records back from their aliases, newest first. */
final class ElasticActivity {

    private final ElasticDocuments documents;

    ElasticActivity(ElasticDocuments documents) {
        this.documents = documents;
    }

    SearchRequest request(ActivityQuery q) {
        var filters = new ArrayList<Query>();
        if (q.ticketId() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("ticket_id").value(q.ticketId()))));
        }
        if (q.callerPhone() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("caller_phone").value(q.callerPhone()))));
        }
        return SearchRequest.of(r -> r.index(documents.recordsAlias(q.kind())).size(q.size())
                .query(b -> b.bool(x -> x.filter(filters)))
                .sort(s -> s.field(f -> f.field("at").order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    /** Calls that ended in the period, counted as {@link CenterTally#plusCall} counts them. */
    SearchRequest callsRequest(Instant from, Instant to) {
        Query answered = Query.of(q -> q.term(t -> t.field("type").value("ANSWERED")));
        Query abandoned = Query.of(q -> q.term(t -> t.field("type").value("ABANDONED")));
        Query within = Query.of(q -> q.bool(b -> b.filter(answered).filter(f -> f.range(r -> r.untyped(u -> u.field("wait_seconds")
                .lte(JsonData.of(CenterTally.ANSWER_SECONDS)))))));
        return SearchRequest.of(r -> r.index(documents.recordsAlias(ActivityRecord.Kind.CALL)).size(0)
                .query(q -> q.range(g -> g.untyped(u -> u.field("at").gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))))
                .aggregations("offered", a -> a.filter(f -> f.bool(b -> b.should(answered).should(abandoned).minimumShouldMatch("1")))
                        .aggregations("wait", w -> w.sum(x -> x.field("wait_seconds"))))
                .aggregations("answered", a -> a.filter(answered).aggregations("talk", t -> t.sum(x -> x.field("talk_seconds"))))
                .aggregations("within", a -> a.filter(within))
                .aggregations("abandoned", a -> a.filter(abandoned)));
    }

    CenterTally calls(CenterTally tickets, SearchResponse<Void> response) {
        var a = response.aggregations();
        var offered = a.get("offered").filter();
        var answered = a.get("answered").filter();
        return new CenterTally(tickets.tickets(), tickets.answeredDirectly(), offered.docCount(), answered.docCount(),
                a.get("within").filter().docCount(), a.get("abandoned").filter().docCount(),
                Math.round(offered.aggregations().get("wait").sum().value()),
                Math.round(answered.aggregations().get("talk").sum().value()));
    }

    @SuppressWarnings("unchecked")
    List<ActivityRecord> read(ActivityQuery q, SearchResponse<Map> response) {
        var found = new ArrayList<ActivityRecord>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> s = hit.source();
            found.add(new ActivityRecord(q.kind(), (String) s.get("id"), (String) s.get("ticket_id"), (String) s.get("type"),
                    Instant.parse((String) s.get("at")), (String) s.get("caller_phone"), (Map<String, Object>) s.get("body")));
        }
        return found;
    }
}
