package org.hotline.linkage110.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hotline.testsupport.OpenApiCoverage;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.Linkage110Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The 110 linkage OpenAPI fragment and the routes the server mounts (Linkage110Module: our 110 API
 * under /api/v1/linkage/110 and the exchange endpoints under /linkage/v1) agree both ways. Mounting
 * reaches neither Redis nor the 110 peer, so neither is given: the routes are compared, never called.
 */
class Linkage110OpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/linkage110/openapi-fragment.json";

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

    private static Router mountedAsTheServerDoes() {
        Linkage110Config config = Linkage110Config.defaults(URI.create("http://127.0.0.1:9"), "linkage-openapi-test-secret-32-bytes!")
                .withLiveCalls("110", "linkage110-test");
        Linkage110 linkage = new Linkage110(vertx, null, config, null, Clock.systemUTC());
        return Linkage110Routes.mount(Router.router(vertx), linkage,
                Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN), Authenticated.require(Role.ADMIN));
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        OpenApiCoverage coverage = OpenApiCoverage.of(mountedAsTheServerDoes(), fragment(),
                path -> path.startsWith("/api/") || path.startsWith("/linkage/"));

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndPrefixedSchemas() {
        JsonObject fragment = fragment();

        assertThat(fragment.fieldNames()).containsOnly("openapi", "paths", "components");
        assertThat(fragment.getJsonObject("components").fieldNames()).containsOnly("schemas");
        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Linkage110"));
    }

    @Test
    void theExchangeEndpointsTakeSignaturesNotTokens() {
        JsonObject order = fragment().getJsonObject("paths").getJsonObject("/linkage/v1/orders").getJsonObject("post");

        assertThat(order.getJsonArray("security")).isEmpty();
        assertThat(order.getJsonArray("parameters").stream().map(p -> ((JsonObject) p).getString("name")))
                .contains("X-Linkage-Signature", "X-Linkage-Timestamp", "X-Linkage-Nonce", "Idempotency-Key");
    }

    @Test
    void theExchangeSchemasAreTheWireContractsOwn() throws Exception {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("..", "docs", "linkage-110-openapi.yaml")));
        JsonObject contract = new JsonObject(new JsonObject(yaml).encode().replace("#/components/schemas/", "#/components/schemas/Linkage110"))
                .getJsonObject("components").getJsonObject("schemas");
        JsonObject ours = fragment().getJsonObject("components").getJsonObject("schemas");

        for (String name : new String[] {"TransferId", "Order", "Update", "Receipt"}) {
            assertThat(comparable(ours.getJsonObject("Linkage110" + name))).as(name).isEqualTo(comparable(contract.getJsonObject(name)));
        }
    }

    /**
     * Descriptions may be worded for each reader and an explicit {@code additionalProperties: true}
     * is the default; types, patterns, limits and required fields must match. A key without a value
     * is left out: the YAML's flow-style listCode description holds a comma, which YAML reads as a
     * second key.
     */
    private static Object comparable(Object node) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(field -> {
                boolean defaulted = field.getKey().equals("additionalProperties") && Boolean.TRUE.equals(field.getValue());
                if (!field.getKey().equals("description") && !defaulted && field.getValue() != null) {
                    copy.put(field.getKey(), comparable(field.getValue()));
                }
            });
            return copy;
        }
        return node;
    }
}
