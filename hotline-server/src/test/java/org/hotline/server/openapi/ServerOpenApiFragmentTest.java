package org.hotline.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import org.hotline.testsupport.OpenApiCoverage;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.server.health.HealthRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's own operations (health and metrics, mounted by Application before every module)
 * and its OpenAPI fragment agree both ways. Application builds its router inside startHttp(), so
 * the two lines it mounts are repeated here; ServerOpenApiIT checks the running server as a whole.
 */
class ServerOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/server/openapi-fragment.json";

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static JsonObject fragment() {
        return OpenApiFragments.load(FRAGMENT);
    }

    private static Router mountedAsApplicationDoes() {
        Router router = Router.router(vertx);
        new HealthRoutes(vertx, List.of()).mount(router);
        router.get("/metrics").handler(PrometheusScrapingHandler.create());
        return router;
    }

    @Test
    void healthAndMetricsAreDocumentedAndNothingElse() {
        OpenApiCoverage coverage = OpenApiCoverage.of(mountedAsApplicationDoes(), fragment(),
                path -> path.startsWith("/health") || path.equals("/metrics"));

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
        assertThat(fragment().getJsonObject("paths").fieldNames()).containsExactlyInAnyOrder("/health", "/health/ready", "/health/live", "/metrics");
    }

    @Test
    void theFragmentHoldsOnlyPathsAndPrefixedSchemas() {
        JsonObject fragment = fragment();

        assertThat(fragment.fieldNames()).containsOnly("openapi", "paths", "components");
        assertThat(fragment.getJsonObject("components").fieldNames()).containsOnly("schemas");
        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Server"));
    }
}
