package org.hotline.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.BytesRef;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.Highlights;
import org.hotline.search.port.SearchAfterToken;
import org.hotline.search.port.SearchPage;
import org.hotline.search.port.TicketHit;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSort;

/** Runs a query on a searcher and turns the top documents into hits with highlights and a next-page token. */
final class LuceneHits {

    private static final SortField TIEBREAK = new SortField(LuceneDocuments.ID, SortField.Type.STRING);

    private final LuceneQueries queries;
    private final Analyzer analyzer;
    private final DocumentJson json;

    LuceneHits(LuceneQueries queries, Analyzer analyzer, DocumentJson json) {
        this.queries = queries;
        this.analyzer = analyzer;
        this.json = json;
    }

    SearchPage page(IndexSearcher searcher, TicketQuery q, Query query) throws IOException {
        Sort sort = sort(q.sort());
        FieldDoc after = q.searchAfter() == null ? null
                : after(q.sort(), SearchAfterToken.decode(q.searchAfter()), searcher.getIndexReader().maxDoc());
        TopDocs top = searcher.searchAfter(after, query, q.size(), sort, q.sort() == TicketSort.RELEVANCE);
        var page = new ArrayList<TicketHit>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            TicketDocument t = document(searcher, sd.doc);
            page.add(new TicketHit(t, q.sort() == TicketSort.RELEVANCE ? sd.score : Double.NaN, highlights(q.text(), t)));
        }
        String next = null;
        if (top.scoreDocs.length == q.size()) {
            FieldDoc last = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            next = new SearchAfterToken(((Number) last.fields[0]).doubleValue(),
                    ((BytesRef) last.fields[1]).utf8ToString()).encode();
        }
        return new SearchPage(searcher.count(query), page, next);
    }

    List<TicketHit> best(IndexSearcher searcher, Query query, int size) throws IOException {
        var result = new ArrayList<TicketHit>();
        for (ScoreDoc sd : searcher.search(query, size).scoreDocs) {
            result.add(new TicketHit(document(searcher, sd.doc), sd.score, Map.of()));
        }
        return result;
    }

    static long indexedVersion(IndexSearcher searcher, String id) throws IOException {
        TopDocs found = searcher.search(new TermQuery(new Term(LuceneDocuments.ID, id)), 1);
        if (found.scoreDocs.length == 0) {
            return 0;
        }
        int doc = found.scoreDocs[0].doc;
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
        NumericDocValues versions = leaf.reader().getNumericDocValues(LuceneDocuments.VERSION);
        return versions != null && versions.advanceExact(doc - leaf.docBase) ? versions.longValue() : 0;
    }

    private TicketDocument document(IndexSearcher searcher, int doc) throws IOException {
        return json.read(searcher.storedFields().document(doc).get(LuceneDocuments.SOURCE));
    }

    private static Sort sort(TicketSort sort) {
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, TIEBREAK);
            case NEWEST -> new Sort(new SortField(LuceneDocuments.RECEIVED, SortField.Type.LONG, true), TIEBREAK);
            case OLDEST -> new Sort(new SortField(LuceneDocuments.RECEIVED, SortField.Type.LONG), TIEBREAK);
            case DEADLINE -> {
                var due = new SortField(LuceneDocuments.HANDLE_DUE, SortField.Type.LONG);
                due.setMissingValue(Long.MAX_VALUE);
                yield new Sort(due, TIEBREAK);
            }
        };
    }

    /**
     * The ids make sort keys unique, so the document number only matters for the previous page's
     * last hit itself: the highest number keeps it (and its equal keys) out of the next page.
     */
    private static FieldDoc after(TicketSort sort, SearchAfterToken token, int maxDoc) {
        Object key = sort == TicketSort.RELEVANCE ? (Object) (float) token.key() : (Object) (long) token.key();
        return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, new Object[] {key, new BytesRef(token.ticketId())});
    }

    private Map<String, String> highlights(String text, TicketDocument t) {
        var found = new HashMap<String, String>();
        if (text == null) {
            return found;
        }
        fragment(text, "title", t.title(), found);
        fragment(text, "content", t.content(), found);
        fragment(text, "reply", t.replyText(), found);
        return found;
    }

    private void fragment(String text, String field, String value, Map<String, String> found) {
        if (value == null) {
            return;
        }
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(),
                new QueryScorer(queries.highlight(text, field), field));
        try {
            String best = highlighter.getBestFragment(analyzer, field, value);
            if (best != null) {
                found.put(field, Highlights.joinAdjacent(best));
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            // a fragment is decoration: the hit is still returned without it
        }
    }
}
