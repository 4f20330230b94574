package org.hotline.search.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.CenterTally;
import org.hotline.search.port.IndexOutcome;

/**
 * Ticket events and call records of the embedded backend, in a Lucene index of their own (so the
 * ticket queries and reports never see them). Same fields as the Elasticsearch records mapping;
 * the key is kind + id, so a re-delivered entry replaces itself. Callers run it on a worker thread.
 */
final class LuceneActivity implements Closeable {

    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String TICKET = "ticket_id";
    private static final String CALLER = "caller_phone";
    private static final String TYPE = "type";
    private static final String AT = "at";
    private static final String BODY = "body";
    private static final Sort NEWEST_FIRST = new Sort(new SortField(AT, SortField.Type.LONG, true), new SortField(ID, SortField.Type.STRING));
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ObjectMapper mapper = new ObjectMapper();

    LuceneActivity(Path dir) throws IOException {
        var config = new IndexWriterConfig(new KeywordAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(FSDirectory.open(dir), config);
        this.searchers = new SearcherManager(writer, null);
    }

    IndexOutcome record(List<ActivityRecord> records) throws IOException {
        for (ActivityRecord r : records) {
            writer.updateDocument(new Term(KEY, key(r.kind(), r.id())), toLucene(r));
        }
        searchers.maybeRefresh();
        return new IndexOutcome(records.size(), 0, List.of());
    }

    /** Durable on disk: the owner commits on its policy ({@link LuceneCommits}), not per batch. */
    void commit() throws IOException {
        writer.commit();
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    List<ActivityRecord> find(ActivityQuery q) throws IOException {
        var query = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, q.kind().name())), BooleanClause.Occur.FILTER);
        if (q.ticketId() != null) {
            query.add(new TermQuery(new Term(TICKET, q.ticketId())), BooleanClause.Occur.FILTER);
        }
        if (q.callerPhone() != null) {
            query.add(new TermQuery(new Term(CALLER, q.callerPhone())), BooleanClause.Occur.FILTER);
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            var found = new ArrayList<ActivityRecord>();
            for (ScoreDoc hit : searcher.search(query.build(), q.size(), NEWEST_FIRST).scoreDocs) {
                found.add(fromLucene(searcher.storedFields().document(hit.doc)));
            }
            return found;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Adds every call record that ended in [from, to) to the tally. */
    CenterTally calls(Instant from, Instant to, CenterTally start) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, ActivityRecord.Kind.CALL.name())), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(AT, from.toEpochMilli(), to.toEpochMilli() - 1), BooleanClause.Occur.FILTER).build();
        IndexSearcher searcher = searchers.acquire();
        try {
            CenterTally tally = start;
            var stored = searcher.storedFields();
            var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (var leaf : searcher.getIndexReader().leaves()) {
                var scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                var docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    tally = tally.plusCall(mapper.readValue(stored.document(leaf.docBase + doc).get(BODY), MAP));
                }
            }
            return tally;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    private Document toLucene(ActivityRecord r) throws JsonProcessingException {
        var d = new Document();
        d.add(new StringField(KEY, key(r.kind(), r.id()), Field.Store.NO));
        d.add(new StringField(KIND, r.kind().name(), Field.Store.YES));
        d.add(new StringField(ID, r.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(r.id())));
        optional(d, TICKET, r.ticketId());
        optional(d, CALLER, r.callerPhone());
        optional(d, TYPE, r.type());
        d.add(new NumericDocValuesField(AT, r.at().toEpochMilli()));
        d.add(new LongPoint(AT, r.at().toEpochMilli()));
        d.add(new StoredField(AT, r.at().toEpochMilli()));
        d.add(new StoredField(BODY, mapper.writeValueAsString(r.body())));
        return d;
    }

    private ActivityRecord fromLucene(Document d) throws JsonProcessingException {
        return new ActivityRecord(ActivityRecord.Kind.valueOf(d.get(KIND)), d.get(ID), d.get(TICKET), d.get(TYPE),
                Instant.ofEpochMilli(d.getField(AT).numericValue().longValue()), d.get(CALLER), mapper.readValue(d.get(BODY), MAP));
    }

    private static void optional(Document d, String field, String value) {
        if (value != null) {
            d.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static String key(ActivityRecord.Kind kind, String id) {
        return kind.name() + ":" + id;
    }
}
