package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.hotline.core.text.Segmenter;
import org.hotline.search.SearchConfig;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.index.BulkLoading;
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
 * Elasticsearch 8.19 backend. Tickets are written with external versioning (the ticket version),
 * so a repeated or older snapshot is refused by the server as a conflict and counted as stale.
 * Every answer of the async client is moved back onto the caller's Vert.x context.
 */
public final class ElasticTicketSearch implements TicketSearch, BulkLoading {

    private final Vertx vertx;
    private final RestClient rest;
    private final ElasticsearchAsyncClient client;
    private final ElasticDocuments documents;
    private final ElasticBulks bulks;
    private final ElasticBulkLoad bulkLoad;
    private final ElasticQueries queries;
    private final ElasticHits hits;
    private final ElasticReports reports;
    private final ElasticSetup setup;
    private final ElasticActivity activity;

    public ElasticTicketSearch(Vertx vertx, SearchConfig config, Segmenter segmenter) {
        this.vertx = vertx;
        var json = new DocumentJson();
        int timeout = (int) config.requestTimeout().toMillis();
        this.rest = RestClient.builder(config.elasticsearchUrls().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setRequestConfigCallback(r -> r.setConnectTimeout(Math.min(timeout, 2000)).setSocketTimeout(timeout))
                .build();
        this.client = new ElasticsearchAsyncClient(new RestClientTransport(rest, new JacksonJsonpMapper(json.mapperCopy())));
        this.documents = new ElasticDocuments(json, config.indexPrefix());
        this.queries = new ElasticQueries(segmenter);
        this.hits = new ElasticHits(queries, documents);
        this.reports = new ElasticReports(documents.ticketsAlias(), config.zone());
        this.setup = new ElasticSetup(client, config.indexPrefix());
        this.bulks = new ElasticBulks(documents, json, ElasticBulks.MAX_BYTES);
        this.bulkLoad = new ElasticBulkLoad(client, setup, documents.ticketsAlias());
        this.activity = new ElasticActivity(documents);
    }

    /**
     * Installs the index templates, makes sure the aliases exist and gives every ticket index the
     * template's refresh interval (undoing a bulk load that did not end); call once before use.
     */
    public Future<Void> start() {
        return bridge(c -> setup.install().thenCompose(v -> bulkLoad.restore()));
    }

    @Override
    public Future<Void> beginBulkLoad() {
        return bridge(c -> bulkLoad.begin());
    }

    @Override
    public Future<Void> endBulkLoad() {
        return bridge(c -> bulkLoad.restore()).compose(v -> refresh());
    }

    /** One bulk request per few MB of sources, sent one after the other (callers that want more run several batches at once). */
    @Override
    public Future<IndexOutcome> index(List<TicketDocument> tickets) {
        if (tickets.isEmpty()) {
            return Future.succeededFuture(new IndexOutcome(0, 0, List.of()));
        }
        Future<IndexOutcome> done = Future.succeededFuture(new IndexOutcome(0, 0, List.of()));
        for (BulkRequest request : bulks.tickets(tickets)) {
            done = done.compose(before -> bridge(c -> c.bulk(request)).map(r -> BulkOutcomes.plus(before, BulkOutcomes.of(r))));
        }
        return done;
    }

    @Override
    public Future<IndexOutcome> record(List<ActivityRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture(new IndexOutcome(0, 0, List.of()));
        }
        BulkRequest request = bulks.records(records);
        return bridge(c -> c.bulk(request)).map(BulkOutcomes::of);
    }

    /** A successful bulk response means the translog has the documents (durability {@code request}, the default). */
    @Override
    public Future<Void> durable() {
        return Future.succeededFuture();
    }

    @Override
    public Future<List<ActivityRecord>> activity(ActivityQuery query) {
        SearchRequest request = activity.request(query);
        return bridge(c -> c.search(request, Map.class)).map(r -> activity.read(query, r));
    }

    @Override
    public Future<Void> refresh() {
        return bridge(c -> c.indices().refresh(r -> r.index(documents.ticketsAlias(),
                documents.recordsAlias(ActivityRecord.Kind.EVENT), documents.recordsAlias(ActivityRecord.Kind.CALL)))).mapEmpty();
    }

    /** Cluster health: this distribution serves no {@code GET /}, and health touches no index. */
    @Override
    public Future<Void> ping() {
        return bridge(c -> c.cluster().health()).mapEmpty();
    }

    @Override
    public Future<SearchPage> search(TicketQuery query, SearchScope scope) {
        SearchRequest request = hits.request(query, queries.search(query, scope));
        return bridge(c -> c.search(request, Map.class)).map(r -> hits.page(query, r));
    }

    @Override
    public Future<List<TicketHit>> similar(String text, String excludeTicketId, int size, SearchScope scope) {
        if (text == null || text.isBlank()) {
            return Future.succeededFuture(List.of());
        }
        SearchRequest request = SearchRequest.of(r -> r.index(documents.ticketsAlias()).size(size)
                .query(queries.similar(text, excludeTicketId, scope)));
        return bridge(c -> c.search(request, Map.class)).map(hits::list);
    }

    @Override
    public Future<Map<String, DepartmentTally>> departmentTallies(Period period, Instant asOf) {
        SearchRequest request = reports.talliesRequest(period, asOf);
        return bridge(c -> c.search(request, Void.class)).map(reports::tallies);
    }

    @Override
    public Future<Map<String, AssistanceTally>> assistanceTallies(Period period) {
        SearchRequest request = reports.assistanceRequest(period);
        return bridge(c -> c.search(request, Void.class)).map(reports::assistance);
    }

    @Override
    public Future<List<MisrouteBucket>> misrouteTallies(Period period) {
        SearchRequest request = reports.misroutesRequest(period);
        return bridge(c -> c.search(request, Void.class)).map(reports::misroutes);
    }

    @Override
    public Future<List<VolumeBucket>> volumes(Period period, VolumeInterval by, VolumeDimension dimension) {
        SearchRequest request = reports.volumesRequest(period, by, dimension);
        return bridge(c -> c.search(request, Void.class)).map(r -> reports.volumes(r, dimension));
    }

    @Override
    public Future<List<HotTopic>> hotTopics(Period period, String district, int size) {
        SearchRequest request = reports.hotTopicsRequest(period, district, size);
        return bridge(c -> c.search(request, Void.class)).map(r -> reports.hotTopics(r, size));
    }

    @Override
    public Future<CenterTally> centerTally(Period period) {
        SearchRequest tickets = reports.centerTicketsRequest(period);
        SearchRequest calls = activity.callsRequest(period.from(), period.to());
        return bridge(c -> c.search(tickets, Void.class)).map(reports::centerTickets)
                .compose(t -> bridge(c -> c.search(calls, Void.class)).map(r -> activity.calls(t, r)));
    }

    @Override
    public Future<OpenSummary> openSummary(Instant asOf) {
        SearchRequest request = reports.openSummaryRequest(asOf);
        return bridge(c -> c.search(request, Void.class)).map(reports::openSummary);
    }

    @Override
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            rest.close();
            return null;
        }, false);
    }

    /** Calls the client and completes on the current Vert.x context, translating failures to the error family. */
    private <T> Future<T> bridge(Function<ElasticsearchAsyncClient, CompletionStage<T>> call) {
        Context context = vertx.getOrCreateContext();
        CompletionStage<T> stage;
        try {
            stage = call.apply(client);
        } catch (RuntimeException e) {
            return Future.failedFuture(ElasticFailures.translate(e));
        }
        return Future.fromCompletionStage(stage, context).recover(e -> Future.failedFuture(ElasticFailures.translate(e)));
    }
}
