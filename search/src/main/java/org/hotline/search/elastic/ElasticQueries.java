package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.List;
import org.hotline.core.text.Segmenter;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;

/** The Elasticsearch form of the queries; LuceneQueries builds the same meaning for the embedded backend. */
final class ElasticQueries {

    private final Segmenter segmenter;

    ElasticQueries(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    Query search(TicketQuery q, SearchScope scope) {
        var b = new BoolQuery.Builder();
        if (q.text() != null) {
            b.must(fullText(q.text()));
        }
        q.termFilters().forEach((field, value) -> term(b, field, value));
        if (q.from() != null || q.to() != null) {
            b.filter(received(q.from(), q.to()));
        }
        if (q.overdue() != null) {
            if (q.overdue()) {
                b.filter(overdue(q.asOf()));
            } else {
                b.mustNot(overdue(q.asOf()));
            }
        }
        scope(b, scope);
        return b.build()._toQuery();
    }

    /** Segmenter words (three quarters must match) or an exact phrase in title, content or reply. */
    Query fullText(String text) {
        List<String> words = segmenter.words(text);
        var any = new BoolQuery.Builder().minimumShouldMatch("1");
        if (!words.isEmpty()) {
            any.should(s -> s.match(m -> m.field("text_seg").query(String.join(" ", words)).minimumShouldMatch("75%")));
        }
        any.should(s -> s.matchPhrase(m -> m.field("title").query(text).boost(2f)));
        any.should(s -> s.matchPhrase(m -> m.field("content").query(text)));
        any.should(s -> s.matchPhrase(m -> m.field("reply").query(text)));
        return any.build()._toQuery();
    }

    Query similar(String text, String excludeId, SearchScope scope) {
        var b = new BoolQuery.Builder().must(m -> m.match(t -> t.field("text_seg")
                .query(String.join(" ", segmenter.words(text))).minimumShouldMatch("30%")));
        if (excludeId != null) {
            b.mustNot(n -> n.term(t -> t.field("id").value(excludeId)));
        }
        scope(b, scope);
        return b.build()._toQuery();
    }

    /** Phrases of each query word, used only to mark fragments. */
    Query highlight(String text, String field) {
        var b = new BoolQuery.Builder();
        for (String word : segmenter.words(text)) {
            b.should(s -> s.matchPhrase(m -> m.field(field).query(word)));
        }
        return b.build()._toQuery();
    }

    static Query received(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field("received_at");
            if (from != null) {
                u.gte(JsonData.of(from.toString()));
            }
            if (to != null) {
                u.lt(JsonData.of(to.toString()));
            }
            return u;
        })));
    }

    /** Mirrors TicketFacts.overdue: replied late, or not replied and the handling deadline passed. */
    static Query overdue(Instant asOf) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("replied_late").value(true)))
                .should(s -> s.bool(o -> o.mustNot(n -> n.exists(e -> e.field("replied_at")))
                        .filter(lte("due_handle", asOf))))));
    }

    /** Mirrors TicketFacts.isDue: the clock has a deadline and either stopped or its deadline passed. */
    static Query due(String deadline, String stoppedAt, Instant asOf) {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field(deadline)))
                .minimumShouldMatch("1")
                .should(s -> s.exists(e -> e.field(stoppedAt)))
                .should(lte(deadline, asOf))));
    }

    private static Query lte(String field, Instant at) {
        return Query.of(q -> q.range(r -> r.untyped(u -> u.field(field).lte(JsonData.of(at.toString())))));
    }

    private static void scope(BoolQuery.Builder b, SearchScope scope) {
        if (scope.unrestricted()) {
            return;
        }
        List<FieldValue> departments = scope.departments().stream().map(FieldValue::of).toList();
        b.filter(f -> f.terms(t -> t.field("departments").terms(v -> v.value(departments))));
    }

    private static void term(BoolQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }
}
