package org.hotline.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.api.ApiRoutes;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.core.api.RequestValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The document the server is to serve: the service API's openapi.json with every module's
 * fragment. It merges without a clash, every reference resolves, the request checks can be built
 * from it, and it is an OpenAPI 3.1 contract vertx-openapi accepts.
 */
@Timeout(60)
class MergedOpenApiDocumentTest {

    static final List<String> FRAGMENTS = List.of(
            "/org/hotline/core/open311/openapi-fragment.json",
            "/org/hotline/dispatch/openapi-fragment.json",
            "/org/hotline/search/openapi-fragment.json",
            "/org/hotline/telephony/openapi-fragment.json",
            "/org/hotline/telephony/survey/openapi-fragment.json",
            "/org/hotline/linkage110/openapi-fragment.json",
            "/org/hotline/server/openapi-fragment.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static JsonObject merged() {
        return OpenApiFragments.fromClasspath(ApiRoutes.OPENAPI_RESOURCE, FRAGMENTS);
    }

    private static List<JsonObject> operations(JsonObject document) {
        List<JsonObject> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            item.fieldNames().stream().filter(METHODS::contains).forEach(method -> operations.add(item.getJsonObject(method)));
        }
        return operations;
    }

    @Test
    void theServiceApiAndEveryModuleMergeIntoOneDocumentWithoutAClash() {
        JsonObject merged = merged();

        assertThat(new JsonObject(merged.encode())).isEqualTo(merged);
        assertThat(merged.getJsonObject("paths").fieldNames())
                .contains("/api/v1/appeals", "/api/v1/classify", "/api/v1/admin/history/import", "/api/v1/search/tickets",
                        "/api/v1/knowledge/{id}", "/api/telephony/dashboard", "/api/v1/linkage/110/transfers",
                        "/linkage/v1/orders", "/health", "/metrics", "/open311/v2/requests.{format}");
        int fragmentOperations = 0;
        for (String fragment : FRAGMENTS) {
            fragmentOperations += operations(OpenApiFragments.load(fragment)).size();
        }
        int coreOperations = operations(OpenApiFragments.fromClasspath(ApiRoutes.OPENAPI_RESOURCE, List.of())).size();
        assertThat(operations(merged)).hasSize(coreOperations + fragmentOperations);
    }

    @Test
    void everyOperationIdIsUnique() {
        Set<String> ids = new HashSet<>();

        for (JsonObject operation : operations(merged())) {
            assertThat(ids.add(operation.getString("operationId"))).as("operationId %s used once", operation.getString("operationId")).isTrue();
        }
    }

    @Test
    void everyModuleOperationSaysWhoMayCallIt() {
        for (String fragment : FRAGMENTS) {
            assertThat(operations(OpenApiFragments.load(fragment))).as(fragment).allSatisfy(operation -> {
                assertThat(operation.getJsonArray("security")).as(operation.getString("operationId")).isNotNull();
                assertThat(operation.getJsonArray("security").isEmpty() || operation.getString("description", "").contains("Roles:"))
                        .as("%s: public, or its roles named", operation.getString("operationId")).isTrue();
            });
        }
    }

    @Test
    void theRequestChecksCanBeBuiltFromTheMergedDocument() {
        // every JSON request schema and query parameter schema is compiled and tried once here
        new RequestValidation(merged());
    }

    @Test
    void theMergedDocumentIsAnOpenApiContract() throws Exception {
        // vertx-openapi 5.0.5 parses only the media types it can validate itself (as in core's OpenApiDocumentIT):
        // the others are renamed for this check only; structure, schemas and references are validated as merged
        String encoded = merged().encode();
        for (String type : List.of("application/problem+json", "application/x-ndjson", "text/event-stream", "text/csv", "text/plain", "audio/wav",
                "text/xml", "application/x-www-form-urlencoded",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            encoded = encoded.replace("\"" + type + "\"", "\"application/json\"");
        }
        // it also wants a template to fill a whole segment: Open311's /services/{service_code}.{format} becomes .../{format}
        JsonObject parsable = new JsonObject(encoded);
        JsonObject paths = new JsonObject();
        parsable.getJsonObject("paths").forEach(entry -> paths.put(entry.getKey().replace(".{format}", "/{format}"), entry.getValue()));
        parsable.put("paths", paths);
        OpenAPIContract contract = OpenAPIContract.from(vertx, parsable).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertThat(contract.operation("classifyAppeal")).isNotNull();
        assertThat(contract.operation("searchTickets")).isNotNull();
        assertThat(contract.operation("submitLinkageOrder")).isNotNull();
        assertThat(contract.operation("health")).isNotNull();
        assertThat(contract.operation("submitAppeal")).isNotNull();
        assertThat(contract.operation("open311Submit")).isNotNull();
    }
}
