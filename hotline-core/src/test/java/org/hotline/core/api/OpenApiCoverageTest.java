package org.hotline.core.api;

import org.hotline.testsupport.OpenApiCoverage;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OpenApiCoverageTest {

    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    private static JsonObject document(String... operations) {
        JsonObject paths = new JsonObject();
        for (String operation : operations) {
            String[] parts = operation.split(" ");
            JsonObject item = paths.getJsonObject(parts[1], new JsonObject());
            paths.put(parts[1], item.put(parts[0].toLowerCase(), new JsonObject().put("responses", new JsonObject())));
        }
        return new JsonObject().put("paths", paths);
    }

    private static Router router() {
        Router router = Router.router(VERTX);
        router.route("/api/v1/*").handler(ctx -> ctx.next());
        router.route("/api/v1/knowledge*").handler(ctx -> ctx.next());
        router.get("/api/v1/knowledge/:id").handler(ctx -> ctx.end());
        router.post("/api/v1/knowledge").handler(ctx -> ctx.end());
        router.get("/dashboard/*").handler(ctx -> ctx.end());
        router.get("/health").handler(ctx -> ctx.end());
        return router;
    }

    @Test
    void aRouterAndADocumentThatAgreeAreComplete() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(),
                document("GET /api/v1/knowledge/{id}", "POST /api/v1/knowledge"), path -> path.startsWith("/api/"));

        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.undocumented()).isEmpty();
        assertThat(coverage.unmounted()).isEmpty();
    }

    @Test
    void aMountedRouteWithoutItsOperationIsUndocumented() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(), document("GET /api/v1/knowledge/{id}"), path -> path.startsWith("/api/"));

        assertThat(coverage.undocumented()).containsExactly("POST /api/v1/knowledge");
        assertThat(coverage.complete()).isFalse();
    }

    @Test
    void aDocumentedOperationWithoutItsRouteIsUnmounted() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(),
                document("GET /api/v1/knowledge/{id}", "POST /api/v1/knowledge", "DELETE /api/v1/knowledge/{id}"),
                path -> path.startsWith("/api/"));

        assertThat(coverage.unmounted()).containsExactly("DELETE /api/v1/knowledge/{id}");
    }

    @Test
    void theMethodCountsNotJustThePath() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(),
                document("PUT /api/v1/knowledge/{id}", "POST /api/v1/knowledge"), path -> path.startsWith("/api/"));

        assertThat(coverage.undocumented()).containsExactly("GET /api/v1/knowledge/:id");
        assertThat(coverage.unmounted()).containsExactly("PUT /api/v1/knowledge/{id}");
    }

    @Test
    void parameterNamesDoNotMatterAndUnselectedPathsAreLeftOut() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(),
                document("GET /api/v1/knowledge/{articleId}", "POST /api/v1/knowledge", "GET /open311/v2/services.json"),
                path -> path.startsWith("/api/"));

        assertThat(coverage.complete()).isTrue();
    }

    @Test
    void prefixRoutesAndCatchAllHandlersServeNoOperation() {
        OpenApiCoverage coverage = OpenApiCoverage.of(router(), document("GET /health"), path -> !path.startsWith("/api/"));

        assertThat(coverage.complete()).isTrue();
    }
}
