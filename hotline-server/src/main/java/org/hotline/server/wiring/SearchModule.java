package org.hotline.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.model.Department;
import org.hotline.core.text.Segmenter;
import org.hotline.search.SearchBackends;
import org.hotline.search.SearchConfig;
import org.hotline.search.api.ReportRoutes;
import org.hotline.search.api.SearchRoutes;
import org.hotline.search.api.SearchScopes;
import org.hotline.search.dashboard.DashboardRoutes;
import org.hotline.search.dashboard.DashboardSummary;
import org.hotline.search.doc.TicketSnapshots;
import org.hotline.search.index.StreamEntries;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.report.ReportService;
import org.hotline.server.health.DependencyCheck;

/**
 * Search, reports and the supervisor dashboard over Elasticsearch (when configured) or the
 * embedded Lucene index, fed by the ticket event stream through its own Redis connection (the
 * indexer's XREADGROUP blocks it).
 */
public final class SearchModule implements Module {

    private final Vertx vertx;
    private final SearchConfig config;
    private final Segmenter segmenter;
    private final StatefulRedisConnection<String, String> indexerConnection;
    private final Supplier<DepartmentDirectory> departments;
    private final Clock clock;
    private TicketSearch search;
    private ReportService reports;

    public SearchModule(Vertx vertx, SearchConfig config, Segmenter segmenter,
                        StatefulRedisConnection<String, String> indexerConnection,
                        Supplier<DepartmentDirectory> departments, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.segmenter = segmenter;
        this.indexerConnection = indexerConnection;
        this.departments = departments;
        this.clock = clock;
    }

    @Override
    public String name() {
        return config.usesElasticsearch() ? "search (Elasticsearch)" : "search (embedded Lucene)";
    }

    @Override
    public Future<Void> start() {
        return SearchBackends.open(vertx, config, segmenter).compose(opened -> {
            search = opened;
            reports = new ReportService(search, config.zone(), config.basicallySatisfiedWeight());
            ObjectMapper mapper = new ObjectMapper();
            StreamEntries entries = new StreamEntries(new TicketSnapshots(mapper, segmenter), mapper);
            return vertx.deployVerticle(new StreamIndexer(search, indexerConnection, entries, config));
        }).mapEmpty();
    }

    @Override
    public void mount(Router router) {
        Function<String, String> names = id -> departments.get().find(id).map(Department::name).orElse(id);
        new SearchRoutes(search, config, new SearchScopes(this::unitsOf), clock).mount(router);
        new ReportRoutes(search, reports, config, names, clock).mount(router);
        new DashboardRoutes(vertx, new DashboardSummary(search, reports, config.zone(), clock, names)).mount(router);
    }

    @Override
    public List<DependencyCheck> checks() {
        return List.of(new DependencyCheck() {
            @Override
            public String name() {
                return "search";
            }

            @Override
            public boolean required() {
                return true;
            }

            @Override
            public Future<String> check() {
                return search.refresh().map(v -> SearchModule.this.name());
            }
        });
    }

    /** A department sees its own tickets and those of all its sub-units, at any depth. */
    private Set<String> unitsOf(String departmentId) {
        DepartmentDirectory directory = departments.get();
        Set<String> units = new HashSet<>();
        List<String> pending = new java.util.ArrayList<>(List.of(departmentId));
        while (!pending.isEmpty()) {
            String id = pending.remove(pending.size() - 1);
            if (units.add(id)) {
                directory.children(id).forEach(child -> pending.add(child.id()));
            }
        }
        return units;
    }
}
