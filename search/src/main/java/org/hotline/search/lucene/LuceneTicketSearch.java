package org.hotline.search.lucene;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.hotline.core.error.HotlineException;
import org.hotline.core.text.Segmenter;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.CenterTally;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.SearchPage;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketHit;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.port.AssistanceTally;
import org.hotline.search.port.DepartmentTally;

/**
 * Embedded backend for the one-command run without Elasticsearch: a Lucene index under a data
 * directory. Lucene blocks, so every call runs on a worker thread; writes are serialised by one lock
 * and keep a document only when its version is newer than the indexed one, like external versioning.
 * Each write is visible to searches at once (near-real-time reader, no fsync); commits follow the
 * {@link LuceneCommitPolicy} and {@link #durable()} tells the indexer when to acknowledge.
 */
public final class LuceneTicketSearch implements TicketSearch {

    private final Vertx vertx;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentJson json = new DocumentJson();
    private final LuceneQueries queries;
    private final LuceneHits hits;
    private final LuceneReports reports;
    private final LuceneActivity activity;
    private final LuceneCommits commits;

    private LuceneTicketSearch(Vertx vertx, IndexWriter writer, LuceneActivity activity, Segmenter segmenter,
                               Analyzer analyzer, ZoneId zone, LuceneCommitPolicy policy) throws IOException {
        this.vertx = vertx;
        this.writer = writer;
        this.activity = activity;
        this.commits = new LuceneCommits(vertx, policy, () -> {
            writer.commit();
            activity.commit();
            return null;
        });
        this.searchers = new SearcherManager(writer, null);
        this.queries = new LuceneQueries(segmenter, analyzer);
        this.hits = new LuceneHits(queries, analyzer, json);
        this.reports = new LuceneReports(json, zone);
    }

    /** Tickets in {@code dataDir}, events and call records in its subdirectory {@code activity} (Lucene ignores it). */
    public static LuceneTicketSearch open(Vertx vertx, Path dataDir, Segmenter segmenter, ZoneId zone) {
        return open(vertx, dataDir, segmenter, zone, LuceneCommitPolicy.DEFAULT);
    }

    public static LuceneTicketSearch open(Vertx vertx, Path dataDir, Segmenter segmenter, ZoneId zone, LuceneCommitPolicy policy) {
        try {
            Analyzer analyzer = LuceneDocuments.analyzer();
            var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            var tickets = new IndexWriter(FSDirectory.open(dataDir), config);
            try {
                return new LuceneTicketSearch(vertx, tickets, new LuceneActivity(dataDir.resolve("activity")), segmenter, analyzer, zone,
                        policy);
            } catch (IOException e) {
                tickets.close();
                throw e;
            }
        } catch (IOException e) {
            throw HotlineException.unavailable("search.lucene-open", "检索索引无法打开", e);
        }
    }

    @Override
    public Future<IndexOutcome> index(List<TicketDocument> tickets) {
        return blocking(() -> write(tickets));
    }

    private synchronized IndexOutcome write(List<TicketDocument> tickets) throws IOException {
        Map<String, TicketDocument> newest = new LinkedHashMap<>();
        for (TicketDocument t : tickets) {
            newest.merge(t.id(), t, (a, b) -> a.version() >= b.version() ? a : b);
        }
        // no refresh here: every write ends with a blocking refresh (this method is the index's only writer and
        // synchronized), so the searcher already sees every version written before (one refresh per batch, not two)
        IndexSearcher searcher = searchers.acquire();
        int indexed = 0;
        try {
            for (TicketDocument t : newest.values()) {
                if (LuceneHits.indexedVersion(searcher, t.id()) < t.version()) {
                    writer.updateDocument(new Term(LuceneDocuments.ID, t.id()), LuceneDocuments.toLucene(t, json));
                    indexed++;
                }
            }
        } finally {
            searchers.release(searcher);
        }
        if (indexed > 0) {
            searchers.maybeRefreshBlocking();
        }
        commits.written(indexed);
        return new IndexOutcome(indexed, tickets.size() - indexed, List.of());
    }

    @Override
    public Future<IndexOutcome> record(List<ActivityRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture(new IndexOutcome(0, 0, List.of()));
        }
        return blocking(() -> activity.record(records)).onSuccess(outcome -> commits.written(outcome.indexed()));
    }

    @Override
    public Future<Void> durable() {
        return commits.durable();
    }

    @Override
    public Future<List<ActivityRecord>> activity(ActivityQuery query) {
        return blocking(() -> activity.find(query));
    }

    @Override
    public Future<Void> refresh() {
        return blocking(() -> {
            searchers.maybeRefreshBlocking();
            activity.refresh();
            return null;
        });
    }

    /** The embedded index is in this process: it can serve as long as its writer is open. */
    @Override
    public Future<Void> ping() {
        return writer.isOpen() ? Future.succeededFuture()
                : Future.failedFuture(HotlineException.unavailable("search.closed", "检索服务已关闭", null));
    }

    @Override
    public Future<SearchPage> search(TicketQuery query, SearchScope scope) {
        return withSearcher(s -> hits.page(s, query, queries.search(query, scope)));
    }

    @Override
    public Future<List<TicketHit>> similar(String text, String excludeTicketId, int size, SearchScope scope) {
        if (text == null || text.isBlank()) {
            return Future.succeededFuture(List.of());
        }
        return withSearcher(s -> hits.best(s, queries.similar(text, excludeTicketId, scope), size));
    }

    @Override
    public Future<Map<String, DepartmentTally>> departmentTallies(Period period, Instant asOf) {
        return withSearcher(s -> reports.tallies(s, period, asOf));
    }

    @Override
    public Future<Map<String, AssistanceTally>> assistanceTallies(Period period) {
        return withSearcher(s -> reports.assistance(s, period));
    }

    @Override
    public Future<List<MisrouteBucket>> misrouteTallies(Period period) {
        return withSearcher(s -> reports.misroutes(s, period));
    }

    @Override
    public Future<List<VolumeBucket>> volumes(Period period, VolumeInterval by, VolumeDimension dimension) {
        return withSearcher(s -> reports.volumes(s, period, by, dimension));
    }

    @Override
    public Future<List<HotTopic>> hotTopics(Period period, String district, int size) {
        return withSearcher(s -> reports.hotTopics(s, period, district, size));
    }

    @Override
    public Future<CenterTally> centerTally(Period period) {
        return withSearcher(s -> activity.calls(period.from(), period.to(), reports.centerTickets(s, period)));
    }

    @Override
    public Future<OpenSummary> openSummary(Instant asOf) {
        return withSearcher(s -> reports.openSummary(s, asOf));
    }

    @Override
    public Future<Void> close() {
        return commits.commitNow().compose(v -> blocking(() -> {
            searchers.close();
            writer.close();
            activity.close();
            return null;
        }));
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> Future<T> withSearcher(SearcherWork<T> work) {
        return blocking(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        });
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw HotlineException.unavailable("search.lucene-io", "检索索引读写失败", e);
            }
        }, false);
    }
}
