package org.hotline.search.lucene;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.util.QueryBuilder;
import org.hotline.core.text.Segmenter;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;

/** Builds Lucene queries that mean the same as the Elasticsearch ones in ElasticQueries. */
final class LuceneQueries {

    private final Segmenter segmenter;
    private final QueryBuilder phrases;

    LuceneQueries(Segmenter segmenter, Analyzer analyzer) {
        this.segmenter = segmenter;
        this.phrases = new QueryBuilder(analyzer);
    }

    Query search(TicketQuery q, SearchScope scope) {
        var b = new BooleanQuery.Builder();
        b.add(q.text() == null ? new MatchAllDocsQuery() : fullText(q.text()), q.text() == null ? Occur.FILTER : Occur.MUST);
        q.termFilters().forEach((field, value) -> term(b, field, value));
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(LuceneDocuments.RECEIVED, from, to), Occur.FILTER);
        }
        if (q.overdue() != null) {
            b.add(overdue(q.asOf().toEpochMilli()), q.overdue() ? Occur.FILTER : Occur.MUST_NOT);
        }
        scope(b, scope);
        return b.build();
    }

    /** Segmenter words (three quarters must match) or an exact phrase in title, content or reply. */
    Query fullText(String text) {
        List<String> words = segmenter.words(text);
        var any = new BooleanQuery.Builder();
        if (!words.isEmpty()) {
            var seg = new BooleanQuery.Builder();
            words.forEach(w -> seg.add(new TermQuery(new Term(LuceneDocuments.SEGMENTED, w)), Occur.SHOULD));
            seg.setMinimumNumberShouldMatch(minimumShouldMatch(words.size(), 0.75));
            any.add(seg.build(), Occur.SHOULD);
        }
        for (String field : LuceneDocuments.PHRASE_FIELDS) {
            Query phrase = phrases.createPhraseQuery(field, text);
            if (phrase != null) {
                any.add(field.equals("title") ? new BoostQuery(phrase, 2f) : phrase, Occur.SHOULD);
            }
        }
        any.setMinimumNumberShouldMatch(1);
        return any.build();
    }

    /** Loose match for similar tickets: three in ten of the words. */
    Query similar(String text, String excludeId, SearchScope scope) {
        List<String> words = segmenter.words(text);
        var seg = new BooleanQuery.Builder();
        words.forEach(w -> seg.add(new TermQuery(new Term(LuceneDocuments.SEGMENTED, w)), Occur.SHOULD));
        seg.setMinimumNumberShouldMatch(minimumShouldMatch(words.size(), 0.3));
        var b = new BooleanQuery.Builder().add(seg.build(), Occur.MUST);
        if (excludeId != null) {
            b.add(new TermQuery(new Term(LuceneDocuments.ID, excludeId)), Occur.MUST_NOT);
        }
        scope(b, scope);
        return b.build();
    }

    /** Phrases of each query word, used only to mark fragments in title and content. */
    Query highlight(String text, String field) {
        var b = new BooleanQuery.Builder();
        for (String word : segmenter.words(text)) {
            Query phrase = phrases.createPhraseQuery(field, word);
            if (phrase != null) {
                b.add(phrase, Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** Same rounding as Elasticsearch's percentage minimum_should_match: round down, at least one. */
    static int minimumShouldMatch(int clauses, double share) {
        return Math.max(1, (int) Math.floor(clauses * share));
    }

    private static Query overdue(long asOf) {
        var open = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneDocuments.REPLIED, "no")), Occur.FILTER)
                .add(LongPoint.newRangeQuery(LuceneDocuments.HANDLE_DUE, Long.MIN_VALUE, asOf), Occur.FILTER)
                .build();
        return new BooleanQuery.Builder()
                .add(open, Occur.SHOULD)
                .add(new TermQuery(new Term(LuceneDocuments.REPLIED_LATE, "yes")), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    private static void scope(BooleanQuery.Builder b, SearchScope scope) {
        if (scope.unrestricted()) {
            return;
        }
        var any = new BooleanQuery.Builder();
        scope.departments().forEach(d -> any.add(new TermQuery(new Term(LuceneDocuments.DEPARTMENTS, d)), Occur.SHOULD));
        any.setMinimumNumberShouldMatch(1);
        b.add(any.build(), Occur.FILTER);
    }

    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }
}
