package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiFragmentsTest {

    private static JsonObject base() {
        return new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},"security":[{"bearer":[]}],
                 "paths":{"/api/v1/tickets/{id}":{"get":{"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/TicketView"}}}}}}}},
                 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
                   "responses":{"Problem":{"description":"problem"}},
                   "schemas":{"TicketView":{"type":"object"},"Problem":{"type":"object"}}}}
                """);
    }

    private static JsonObject fragment(String path, String method, String schema) {
        JsonObject operation = new JsonObject().put("responses", new JsonObject()
                .put("200", new JsonObject().put("description", "ok").put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/" + schema))))));
        return new JsonObject().put("paths", new JsonObject().put(path, new JsonObject().put(method, operation)))
                .put("components", new JsonObject().put("schemas", new JsonObject().put(schema, new JsonObject().put("type", "object"))));
    }

    private static Map<String, JsonObject> named(Object... pairs) {
        Map<String, JsonObject> fragments = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fragments.put((String) pairs[i], (JsonObject) pairs[i + 1]);
        }
        return fragments;
    }

    @Test
    void fragmentsAddTheirOperationsAndSchemasToTheBase() {
        JsonObject merged = OpenApiFragments.merge(base(), named(
                "dispatch", fragment("/api/v1/classify", "post", "DispatchSuggestions"),
                "search", fragment("/api/v1/search/tickets", "get", "SearchPage")));

        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/v1/tickets/{id}", "/api/v1/classify", "/api/v1/search/tickets");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .contains("TicketView", "Problem", "DispatchSuggestions", "SearchPage");
        assertThat(merged.getString("openapi")).isEqualTo("3.1.0");
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer")).isTrue();
    }

    @Test
    void aFragmentMayAddAnotherMethodToAPathTheBaseDocuments() {
        JsonObject merged = OpenApiFragments.merge(base(), named("knowledge", fragment("/api/v1/tickets/{id}", "delete", "Gone")));

        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/tickets/{id}").fieldNames()).containsExactlyInAnyOrder("get", "delete");
    }

    @Test
    void neitherTheBaseNorTheFragmentsAreChanged() {
        JsonObject base = base();
        JsonObject fragment = fragment("/api/v1/tickets/{id}", "delete", "Gone");
        JsonObject baseBefore = base.copy();
        JsonObject fragmentBefore = fragment.copy();

        OpenApiFragments.merge(base, named("knowledge", fragment));

        assertThat(base).isEqualTo(baseBefore);
        assertThat(fragment).isEqualTo(fragmentBefore);
    }

    @Test
    void anOperationDocumentedTwiceFailsNamingBothSides() {
        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("search", fragment("/api/v1/tickets/{id}", "get", "Other"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/v1/tickets/{id}").hasMessageContaining("the base document").hasMessageContaining("search");
    }

    @Test
    void theSameRouteWithAnotherParameterNameIsStillTheSameOperation() {
        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("search", fragment("/api/v1/tickets/{number}", "get", "Other"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("documented twice");
    }

    @Test
    void twoFragmentsDocumentingOneOperationFail() {
        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named(
                "dispatch", fragment("/api/v1/classify", "post", "A"),
                "search", fragment("/api/v1/classify", "post", "B"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /api/v1/classify").hasMessageContaining("dispatch").hasMessageContaining("search");
    }

    @Test
    void aSchemaNameUsedTwiceFailsNamingBothSides() {
        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("telephony", fragment("/api/telephony/dashboard", "get", "Problem"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema Problem").hasMessageContaining("the base document").hasMessageContaining("telephony");
    }

    @Test
    void aReferenceThatPointsNowhereFails() {
        JsonObject fragment = fragment("/api/v1/classify", "post", "DispatchSuggestions");
        fragment.getJsonObject("components").getJsonObject("schemas").clear();

        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("dispatch", fragment)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("#/components/schemas/DispatchSuggestions");
    }

    @Test
    void fragmentsMayReferToTheBaseDocumentsComponents() {
        JsonObject fragment = fragment("/api/v1/classify", "post", "DispatchSuggestions");
        fragment.getJsonObject("paths").getJsonObject("/api/v1/classify").getJsonObject("post").getJsonObject("responses")
                .put("400", new JsonObject().put("$ref", "#/components/responses/Problem"));

        JsonObject merged = OpenApiFragments.merge(base(), named("dispatch", fragment));

        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/classify")).isNotNull();
    }

    @Test
    void aFragmentWithOtherTopLevelPartsIsRefused() {
        JsonObject withInfo = fragment("/api/v1/classify", "post", "A").put("security", List.of());
        JsonObject withResponses = fragment("/api/v1/classify", "post", "A");
        withResponses.getJsonObject("components").put("responses", new JsonObject());

        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("dispatch", withInfo)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dispatch").hasMessageContaining("security");
        assertThatThrownBy(() -> OpenApiFragments.merge(base(), named("dispatch", withResponses)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("components.responses");
    }

    @Test
    void theServedDocumentMergesWithoutFragmentsUnchanged() {
        JsonObject merged = OpenApiFragments.fromClasspath(ApiRoutes.OPENAPI_RESOURCE, List.of());

        assertThat(merged).isEqualTo(new JsonObject(new String(ApiRoutes.readResource(ApiRoutes.OPENAPI_RESOURCE),
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingFragmentResourceIsNamed() {
        assertThatThrownBy(() -> OpenApiFragments.fromClasspath(ApiRoutes.OPENAPI_RESOURCE, List.of("/org/hotline/none/openapi-fragment.json")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/org/hotline/none/openapi-fragment.json");
    }
}
