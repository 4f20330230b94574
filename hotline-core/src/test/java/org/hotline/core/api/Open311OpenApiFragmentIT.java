package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.testsupport.OpenApiCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Open311 GeoReport v2 fragment and the routes the service API mounts under /open311/v2/
 * agree. Those routes are regular expressions (one route serves .json and .xml), which a router
 * does not list by path, so each documented operation is called in both formats against the real
 * server (real Redis): it must be answered by an Open311 route (GeoReport JSON or XML, errors
 * included), never by the router's problem+json "no such route"; and there are exactly as many
 * Open311 routes as documented operations.
 */
@Timeout(60)
class Open311OpenApiFragmentIT {

    static final String FRAGMENT = "/org/hotline/core/open311/openapi-fragment.json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(15, config -> config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String[]> documented() {
        JsonObject paths = OpenApiFragments.load(FRAGMENT).getJsonObject("paths");
        List<String[]> operations = new ArrayList<>();
        for (String path : paths.fieldNames()) {
            paths.getJsonObject(path).fieldNames().stream().filter(METHODS::contains)
                    .forEach(method -> operations.add(new String[] {method.toUpperCase(), path}));
        }
        return operations;
    }

    @Test
    void everyDocumentedOperationIsAnsweredByAnOpen311RouteInBothFormats() {
        String serviceCode = new JsonArray(server.get("/open311/v2/services.json", null).bodyAsString()).getJsonObject(0)
                .getString("service_code");
        List<String> unrouted = new ArrayList<>();
        for (String[] operation : documented()) {
            for (String format : List.of("json", "xml")) {
                String path = operation[1].replace("{format}", format).replace("{service_code}", serviceCode)
                        .replace("{service_request_id}", "12345-20261122-000001").replace("{token}", "no-such-token");
                HttpResponse<Buffer> response = operation[0].equals("POST")
                        ? ApiTestServer.await(server.client.post(path).putHeader("Content-Type", "application/x-www-form-urlencoded")
                                .sendBuffer(Buffer.buffer("service_code=" + serviceCode)))
                        : server.send(HttpMethod.valueOf(operation[0]), path, null, null);
                String type = String.valueOf(response.getHeader("Content-Type"));
                if (!type.startsWith("application/json") && !type.startsWith("text/xml")) {
                    unrouted.add(operation[0] + " " + path + " → " + response.statusCode() + " " + type);
                }
            }
        }

        assertThat(unrouted).as("documented but not answered by an Open311 route").isEmpty();
        // the check itself tells a missing route from a served one
        assertThat(server.get("/open311/v2/no-such-resource.json", null).getHeader("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void thereAreAsManyOpen311RoutesAsDocumentedOperations() {
        Router router = server.api.mount(Router.router(server.vertx));
        long open311Routes = router.getRoutes().stream().filter(route -> route.isRegexPath() && route.getPath() == null)
                .filter(route -> route.methods() != null && !route.methods().isEmpty()).count();

        assertThat(open311Routes).isEqualTo(documented().size());
        assertThat(OpenApiCoverage.of(router, OpenApiFragments.load(FRAGMENT), path -> path.startsWith("/open311/")).undocumented())
                .as("plain (non-regex) Open311 routes are documented too").isEmpty();
    }
}
