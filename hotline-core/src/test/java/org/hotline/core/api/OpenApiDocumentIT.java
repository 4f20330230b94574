package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The served OpenAPI document is a valid OpenAPI 3.1 contract and covers every mounted API route. */
@Timeout(60)
class OpenApiDocumentIT {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(6, config -> config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject document() {
        return new JsonObject(new String(ApiRoutes.readResource(ApiRoutes.OPENAPI_RESOURCE), StandardCharsets.UTF_8));
    }

    @Test
    void documentIsAValidOpenApiContract() {
        // vertx-openapi 5.0.5 refuses media types it cannot parse itself, problem+json among them;
        // the rest of the document (structure, schemas, references) is validated as served
        JsonObject parsable = new JsonObject(document().encode().replace("application/problem+json", "application/json"));
        OpenAPIContract contract = ApiTestServer.await(OpenAPIContract.from(server.vertx, parsable));

        assertThat(contract.operation("submitAppeal")).isNotNull();
        assertThat(contract.operation("issueToken")).isNotNull();
        assertThat(contract.operation("issueOpen311Key")).isNotNull();
    }

    @Test
    void everyMountedApiRouteIsDocumentedWithItsMethod() {
        Router router = server.api.mount(Router.router(server.vertx));
        JsonObject paths = document().getJsonObject("paths");
        Set<String> missing = new HashSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || !route.getPath().startsWith("/api/v1/") || route.methods() == null
                    || route.getPath().endsWith("/") || route.getPath().equals("/api/v1/openapi.json")) {
                continue;
            }
            for (HttpMethod method : route.methods()) {
                for (String path : documentedPaths(route.getPath())) {
                    JsonObject item = paths.getJsonObject(path);
                    if (item == null || !item.containsKey(method.name().toLowerCase())) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentedActionExists() {
        TicketActions actions = new TicketActions(() -> server.service.seed().categories());

        assertThat(TicketActionsNames.ALL).allSatisfy(name -> assertThat(actions.find(name)).as(name).isPresent());
    }

    @Test
    void theServedDocumentNamesForEachActionTheRolesTheServerEnforces() {
        JsonObject served = server.get("/api/v1/openapi.json", null).bodyAsJsonObject();
        JsonObject paths = served.getJsonObject("paths");
        java.util.function.Function<String, java.util.List<Object>> roles =
            action -> paths.getJsonObject("/api/v1/tickets/{id}/" + action).getJsonObject("post").getJsonArray("x-roles").getList();

        // the three decisions of the role table: agents classify and assign (坐席直派), dispatchers decide
        // extensions, and only the center lifts a suspension it imposed
        assertThat(roles.apply("classify")).containsExactly("AGENT", "DISPATCHER", "SUPERVISOR");
        assertThat(roles.apply("assign")).containsExactly("AGENT", "DISPATCHER", "SUPERVISOR");
        assertThat(roles.apply("approve-extension")).containsExactly("DISPATCHER", "SUPERVISOR");
        assertThat(roles.apply("resume")).containsExactly("DISPATCHER", "SUPERVISOR");
        assertThat(paths.getJsonObject("/api/v1/tickets/{id}/resume").getJsonObject("post").getString("summary"))
            .isEqualTo("Resume (roles: DISPATCHER, SUPERVISOR)");
        assertThat(served.getJsonObject("components").getJsonObject("schemas").getJsonObject("TicketView")
            .getJsonObject("properties").getJsonObject("allowedActions").getJsonObject("items").getJsonArray("enum").getList())
            .containsExactlyElementsOf(TicketActionsNames.ALL);
    }

    @Test
    void theStaticDocumentWritesNoRoleListsThatCouldDrift() {
        assertThat(document().encode()).doesNotContainPattern("\\((AGENT|DISPATCHER|SUPERVISOR|DEPARTMENT)[,)]");
    }

    private static Set<String> documentedPaths(String vertxPath) {
        String path = vertxPath.replaceAll(":([A-Za-z]+)", "{$1}");
        if (!path.endsWith("/{action}")) {
            return Set.of(path);
        }
        Set<String> all = new HashSet<>();
        for (String action : TicketActionsNames.ALL) {
            all.add(path.replace("{action}", action));
        }
        return all;
    }
}
