package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.search.port.Highlights;
import org.hotline.search.port.SearchAfterToken;
import org.hotline.search.port.SearchPage;
import org.hotline.search.port.TicketHit;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSort;

/** Search requests with sort, search_after and highlighting, and their hits read back as port records. */
final class ElasticHits {

    private static final SortOptions TIEBREAK = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));

    private final ElasticQueries queries;
    private final ElasticDocuments documents;

    ElasticHits(ElasticQueries queries, ElasticDocuments documents) {
        this.queries = queries;
        this.documents = documents;
    }

    SearchRequest request(TicketQuery q, Query query) {
        return SearchRequest.of(r -> {
            r.index(documents.ticketsAlias()).query(query).size(q.size()).trackTotalHits(t -> t.enabled(true))
                    .sort(sort(q.sort())).sort(TIEBREAK);
            if (q.searchAfter() != null) {
                SearchAfterToken token = SearchAfterToken.decode(q.searchAfter());
                FieldValue key = q.sort() == TicketSort.RELEVANCE ? FieldValue.of(token.key()) : FieldValue.of((long) token.key());
                r.searchAfter(key, FieldValue.of(token.ticketId()));
            }
            if (q.text() != null) {
                r.highlight(highlight(q.text()));
            }
            return r;
        });
    }

    SearchPage page(TicketQuery q, SearchResponse<Map> response) {
        List<Hit<Map>> found = response.hits().hits();
        var page = new ArrayList<TicketHit>(found.size());
        for (Hit<Map> hit : found) {
            page.add(hit(hit, q.sort() == TicketSort.RELEVANCE));
        }
        String next = null;
        if (found.size() == q.size()) {
            List<FieldValue> last = found.get(found.size() - 1).sort();
            double key = last.get(0).isDouble() ? last.get(0).doubleValue() : last.get(0).longValue();
            next = new SearchAfterToken(key, last.get(1).stringValue()).encode();
        }
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        return new SearchPage(total, page, next);
    }

    List<TicketHit> list(SearchResponse<Map> response) {
        return response.hits().hits().stream().map(h -> hit(h, true)).toList();
    }

    private TicketHit hit(Hit<Map> hit, boolean scored) {
        var highlights = new HashMap<String, String>();
        hit.highlight().forEach((field, fragments) -> {
            if (!fragments.isEmpty()) {
                highlights.put(field, Highlights.joinAdjacent(fragments.get(0)));
            }
        });
        double score = scored && hit.score() != null ? hit.score() : Double.NaN;
        return new TicketHit(documents.document(hit.source()), score, highlights);
    }

    private Highlight highlight(String text) {
        return Highlight.of(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                .fields("title", f -> f.highlightQuery(queries.highlight(text, "title")).numberOfFragments(0))
                .fields("content", f -> f.highlightQuery(queries.highlight(text, "content")).fragmentSize(100).numberOfFragments(1))
                .fields("reply", f -> f.highlightQuery(queries.highlight(text, "reply")).fragmentSize(100).numberOfFragments(1)));
    }

    private static SortOptions sort(TicketSort sort) {
        return switch (sort) {
            case RELEVANCE -> SortOptions.of(s -> s.score(c -> c.order(SortOrder.Desc)));
            case NEWEST -> SortOptions.of(s -> s.field(f -> f.field("received_at").order(SortOrder.Desc)));
            case OLDEST -> SortOptions.of(s -> s.field(f -> f.field("received_at").order(SortOrder.Asc)));
            case DEADLINE -> SortOptions.of(s -> s.field(f -> f.field("due_handle").order(SortOrder.Asc)
                    .missing(m -> m.stringValue("_last"))));
        };
    }
}
