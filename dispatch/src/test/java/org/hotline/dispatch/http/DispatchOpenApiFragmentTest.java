package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.hotline.testsupport.OpenApiCoverage;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.duplicate.DuplicateFinder;
import org.hotline.dispatch.history.HistoryImport;
import org.hotline.dispatch.history.HistoryImportConfig;
import org.hotline.dispatch.routing.DispatcherQueue;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatch module's OpenAPI fragment and the routes the server mounts (DispatchModule: the
 * classify/import routes before the service API, rules, queue and duplicates after it) agree both
 * ways. Mounting calls no collaborator, so no Redis connection is given: the routes are compared,
 * never called.
 */
class DispatchOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/dispatch/openapi-fragment.json";

    private static Vertx vertx;
    private static Classifier classifier;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        ClassifierConfig config = ClassifierConfig.defaults();
        classifier = new Classifier(vertx, new TextFeatures(new HanLpSegmenter(), config.maxCharGram()), config, null, null,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        classifier.close();
        vertx.close();
    }

    static JsonObject fragment() {
        return OpenApiFragments.load(FRAGMENT);
    }

    private static Router mountedAsTheServerDoes() {
        Handler<RoutingContext> authentication = Authenticated.handler(new JwtTokens(vertx,
                AuthConfig.of("dispatch-openapi-test-secret-of-32-bytes", null)));
        Router router = Router.router(vertx);
        HistoryImport history = new HistoryImport(vertx, null, null, null, classifier, Clock.systemUTC(), HistoryImportConfig.defaults());
        new DispatchRoutes(classifier, history, authentication, new RedisAutoAssignPolicy(vertx, null)).mount(router);
        new RoutingRoutes(new RedisRoutingRules(vertx, null), new DispatcherQueue(vertx, null), authentication).mount(router);
        new DuplicateRoutes(new DuplicateFinder(null, Duration.ofDays(7), 0.35), Clock.systemUTC(), authentication).mount(router);
        new PolicyRoutes(new RedisAutoAssignPolicy(vertx, null), authentication, Clock.systemUTC()).mount(router);
        return router;
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        OpenApiCoverage coverage = OpenApiCoverage.of(mountedAsTheServerDoes(), fragment(), path -> path.startsWith("/api/"));

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndPrefixedSchemas() {
        JsonObject fragment = fragment();

        assertThat(fragment.fieldNames()).containsOnly("openapi", "paths", "components");
        assertThat(fragment.getJsonObject("components").fieldNames()).containsOnly("schemas");
        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Dispatch"));
    }

    @Test
    void theStableInterfacesAreDocumentedAsIssueFiveDefinesThem() {
        JsonObject paths = fragment().getJsonObject("paths");
        JsonObject imports = paths.getJsonObject("/api/v1/admin/history/import").getJsonObject("post");
        JsonObject classify = paths.getJsonObject("/api/v1/classify").getJsonObject("post");

        assertThat(imports.getJsonObject("requestBody").getJsonObject("content").fieldNames()).contains("application/x-ndjson");
        assertThat(imports.getJsonArray("parameters").getJsonObject(0).getString("name")).isEqualTo("createCategories");
        assertThat(classify.getJsonObject("requestBody").encode()).contains("DispatchClassifyRequest");
        assertThat(fragment().getJsonObject("components").getJsonObject("schemas").getJsonObject("DispatchSuggestion")
                .getJsonObject("properties").fieldNames()).contains("category", "name", "confidence", "department");
        assertThat(fragment().getJsonObject("components").getJsonObject("schemas").getJsonObject("DispatchAutoAssignPolicy")
                .getJsonObject("properties").fieldNames()).contains("autoAssignConfidence", "categories");
    }
}
