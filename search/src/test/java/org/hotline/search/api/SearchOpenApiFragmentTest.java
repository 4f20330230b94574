package org.hotline.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.testsupport.OpenApiCoverage;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.core.audit.AuditLog;
import org.hotline.search.SearchConfig;
import org.hotline.search.SearchModule;
import org.hotline.search.TicketSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search module's OpenAPI fragment and the routes {@link SearchModule#mount} puts on the
 * server's router (search, reports, dashboard, knowledge) agree both ways. The module is opened on
 * the embedded Lucene backend in a temporary directory, as the server's default does.
 */
@Timeout(60)
class SearchOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/search/openapi-fragment.json";

    private static Vertx vertx;
    private static SearchModule search;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() throws Exception {
        vertx = Vertx.vertx();
        search = await(SearchModule.open(vertx, SearchConfig.defaults(dir), TicketSnapshot.SEGMENTER, id -> Set.of(id), id -> id,
                Clock.systemUTC()));
    }

    // only the mounted routes are listed here, no request is answered: nothing is ever appended
    private static AuditLog unusedAudit() {
        return new AuditLog(vertx, null, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        await(search.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static JsonObject fragment() {
        return OpenApiFragments.load(FRAGMENT);
    }

    @Test
    void everyMountedApiRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        OpenApiCoverage coverage = OpenApiCoverage.of(search.mount(Router.router(vertx), unusedAudit()), fragment(), path -> path.startsWith("/api/"));

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndPrefixedSchemas() {
        JsonObject fragment = fragment();

        assertThat(fragment.fieldNames()).containsOnly("openapi", "paths", "components");
        assertThat(fragment.getJsonObject("components").fieldNames()).containsOnly("schemas");
        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Search"));
    }

    @Test
    void nonJsonAnswersAreDocumentedWithTheirMediaTypes() {
        JsonObject paths = fragment().getJsonObject("paths");

        assertThat(paths.getJsonObject("/api/v1/dashboard/stream").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").fieldNames()).containsExactly("text/event-stream");
        assertThat(paths.getJsonObject("/api/v1/reports/departments").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").fieldNames()).contains("application/json", "text/csv");
    }
}
