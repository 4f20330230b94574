package org.hotline.search;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.port.DashboardCounters;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.text.Segmenter;
import org.hotline.search.rebuild.RebuildRoutes;
import org.hotline.search.api.ReportRoutes;
import org.hotline.search.api.SearchRoutes;
import org.hotline.search.api.SearchScopes;
import org.hotline.search.dashboard.DashboardFeed;
import org.hotline.search.dashboard.DashboardRoutes;
import org.hotline.search.dashboard.DashboardSummary;
import org.hotline.search.dashboard.SearchedDashboardCounters;
import org.hotline.search.doc.TicketSnapshots;
import org.hotline.search.rebuild.RebuildJobs;
import org.hotline.search.index.SearchRebuild;
import org.hotline.search.index.StreamEntries;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.knowledge.KnowledgeBase;
import org.hotline.search.knowledge.KnowledgeRoutes;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.report.ReportService;

/**
 * Everything of the search module wired together for the server: the backend chosen by the
 * configuration, the routes, the indexer verticle, the rebuild command and the knowledge base.
 * The knowledge base starts on the first Redis connection the module is given ({@link #knowledge}
 * or else {@link #indexer}); its routes answer 503 until then.
 */
public final class SearchModule {

    private final Vertx vertx;
    private final SearchConfig config;
    private final TicketSearch search;
    private final Segmenter segmenter;
    private final Function<String, Set<String>> unitsOf;
    private final Function<String, String> departmentNames;
    private final Clock clock;
    private final KnowledgeBase knowledge;
    private final RebuildJobs rebuilds;
    private DashboardCounters counters;
    private TicketArchive archive = TicketArchive.none();
    private DashboardFeed feed;

    /**
     * @param unitsOf a department id to itself and its sub-units (the service API's {@code DataScope::unitsOf})
     * @param departmentNames a department id to its display name, for reports and the dashboard
     */
    public SearchModule(Vertx vertx, SearchConfig config, TicketSearch search, Segmenter segmenter,
                        Function<String, Set<String>> unitsOf, Function<String, String> departmentNames, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.search = search;
        this.segmenter = segmenter;
        this.unitsOf = unitsOf;
        this.departmentNames = departmentNames;
        this.clock = clock;
        this.knowledge = new KnowledgeBase(vertx, segmenter, clock, KnowledgeBase.DEFAULT_POLL);
        this.counters = new SearchedDashboardCounters(search, config.zone());
        this.rebuilds = new RebuildJobs(vertx, this::rebuild, clock);
    }

    /**
     * The dashboard reads these counters (the server gives the ticket store's) instead of recomputing
     * them from the search store; call before {@link #mount}.
     */
    /** Where closed tickets go after their retention in Redis: the rebuild reads them there too. */
    public SearchModule ticketArchive(TicketArchive ticketArchive) {
        this.archive = ticketArchive;
        return this;
    }

    public SearchModule dashboardCounters(DashboardCounters storeCounters) {
        this.counters = storeCounters;
        return this;
    }

    public static Future<SearchModule> open(Vertx vertx, SearchConfig config, Segmenter segmenter,
                                            Function<String, Set<String>> unitsOf,
                                            Function<String, String> departmentNames, Clock clock) {
        return SearchBackends.open(vertx, config, segmenter)
                .map(search -> new SearchModule(vertx, config, search, segmenter, unitsOf, departmentNames, clock));
    }

    public SearchConfig config() {
        return config;
    }

    public TicketSearch search() {
        return search;
    }

    /**
     * Mounts /api/v1/search/*, /api/v1/reports/*, /api/v1/dashboard/*, /api/v1/knowledge*, /api/v1/admin/search/rebuild*
     * and /dashboard/ on the router; every search answer and every rebuild start is recorded in this audit trail.
     */
    public Router mount(Router router, AuditLog audit) {
        var reports = reports();
        new SearchRoutes(search, config.zone(), new SearchScopes(unitsOf), clock, audit).mount(router);
        new ReportRoutes(search, reports, config.zone(), departmentNames, clock).mount(router);
        var summary = new DashboardSummary(search, reports, counters, config.zone(), clock, departmentNames);
        new DashboardRoutes(vertx, summary, feed(summary)).mount(router);
        new KnowledgeRoutes(knowledge).mount(router);
        new RebuildRoutes(rebuilds, audit).mount(router);
        return router;
    }

    /** One feed per node, however many routers (HTTP verticle instances) mount the routes. */
    private synchronized DashboardFeed feed(DashboardSummary summary) {
        if (feed == null) {
            feed = new DashboardFeed(vertx, summary, DashboardRoutes.THROTTLE_MS, DashboardRoutes.TICK_MS);
        }
        return feed;
    }

    public ReportService reports() {
        return new ReportService(search, config.zone(), config.basicallySatisfiedWeight());
    }

    /**
     * The indexer verticle; give it a Redis connection of its own (its consumer group blocks it while the streams are empty). If the
     * knowledge base has no connection yet it starts on this one, its few commands then waiting
     * behind the indexer's blocking reads (at most {@code indexerIdle}); searches never touch Redis.
     */
    public StreamIndexer indexer(StatefulRedisConnection<String, String> dedicatedConnection) {
        knowledge(dedicatedConnection);
        return new StreamIndexer(search, dedicatedConnection, entries(), config);
    }

    /** Starts the knowledge base on this connection (a shared, non-blocking one is best); only the first call counts. */
    public Future<Void> knowledge(StatefulRedisConnection<String, String> connection) {
        return knowledge.start(connection);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledge;
    }

    /**
     * Lets operators start a rebuild over HTTP ({@code /api/v1/admin/search/rebuild}, one at a time across the
     * cluster) using this connection (a shared, non-blocking one); those routes answer 503 until then.
     */
    public SearchModule rebuildJobs(StatefulRedisConnection<String, String> connection) {
        rebuilds.start(connection);
        return this;
    }

    /** The rebuild-all command (run it on a Vert.x context: {@code rebuild(c).run(vertx.getOrCreateContext())}). */
    public SearchRebuild rebuild(StatefulRedisConnection<String, String> connection) {
        return new SearchRebuild(search, connection, entries(), config.indexerBatch(), SearchRebuild.DEFAULT_CONCURRENCY, archive);
    }

    private StreamEntries entries() {
        var json = new org.hotline.search.doc.DocumentJson();
        return new StreamEntries(new TicketSnapshots(json.mapperCopy(), segmenter), json.mapperCopy());
    }

    public Future<Void> close() {
        DashboardFeed started = feed;
        Future<Void> dashboard = started == null ? Future.succeededFuture() : started.close();
        return dashboard.eventually(knowledge::close).eventually(search::close);
    }
}
