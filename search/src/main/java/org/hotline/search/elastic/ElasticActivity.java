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
import org.hotline.search.port.ActivityQuery;

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
