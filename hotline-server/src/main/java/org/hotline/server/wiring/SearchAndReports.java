package org.hotline.server.wiring;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.core.app.DataScope;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.model.Department;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.redis.RedisDashboardCounters;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.text.Segmenter;
import org.hotline.search.SearchConfig;
import org.hotline.search.SearchModule;
import org.hotline.server.health.DependencyCheck;

/**
 * Search, reports and the supervisor dashboard over Elasticsearch (when configured) or the
 * embedded Lucene index, fed by the ticket event stream through a Redis connection of its own (the
 * indexer's consumer group blocks it while the streams are empty). Department scope is the service API's, so a department finds in
 * search exactly the tickets it may open.
 */
public final class SearchAndReports implements Module {

    private final Vertx vertx;
    private final TicketArchive archive;
    private final SearchConfig config;
    private final Segmenter segmenter;
    private final StatefulRedisConnection<String, String> indexerConnection;
    private final StatefulRedisConnection<String, String> sharedConnection;
    private final Supplier<DepartmentDirectory> departments;
    private final Clock clock;
    private final AuditLog audit;
    private SearchModule search;
    private String indexerDeployment;

    public SearchAndReports(Vertx vertx, SearchConfig config, Segmenter segmenter,
                            StatefulRedisConnection<String, String> indexerConnection,
                            StatefulRedisConnection<String, String> sharedConnection,
                            Supplier<DepartmentDirectory> departments, Clock clock, AuditLog audit, TicketArchive archive) {
        this.vertx = vertx;
        this.archive = archive;
        this.audit = audit;
        this.config = config;
        this.segmenter = segmenter;
        this.indexerConnection = indexerConnection;
        this.sharedConnection = sharedConnection;
        this.departments = departments;
        this.clock = clock;
    }

    @Override
    public String name() {
        return config.usesElasticsearch() ? "search (Elasticsearch)" : "search (embedded Lucene)";
    }

    @Override
    public Future<Void> start() {
        DataScope scope = new DataScope(departments);
        return SearchModule.open(vertx, config, segmenter, scope::unitsOf,
                        id -> departments.get().find(id).map(Department::name).orElse(id), clock)
                .compose(opened -> {
                    // the dashboard reads the counters the ticket commit keeps, not every open ticket
                    search = opened.dashboardCounters(new RedisDashboardCounters(vertx, sharedConnection, RedisTicketKeys.defaults()))
                            .ticketArchive(archive).rebuildJobs(sharedConnection);
                    // the knowledge base's writes must not queue behind the indexer's blocking stream reads
                    return search.knowledge(sharedConnection);
                })
                .compose(v -> vertx.deployVerticle(search.indexer(indexerConnection)))
                .onSuccess(id -> indexerDeployment = id)
                .mapEmpty();
    }

    @Override
    public void mount(Router router) {
        search.mount(router, audit);
    }

    /** The indexer stops first (unacknowledged entries wait in the stream), then the index closes. */
    @Override
    public Future<Void> stop() {
        Future<Void> indexer = indexerDeployment == null ? Future.succeededFuture() : vertx.undeploy(indexerDeployment);
        return indexer.eventually(() -> search == null ? Future.succeededFuture() : search.close());
    }

    @Override
    public List<DependencyCheck> checks() {
        return List.of(DependencyCheck.of("search", true, () -> search.search().ping().map(v -> name())));
    }
}
