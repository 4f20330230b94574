package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Optional;
import org.hotline.testsupport.OpenApiCoverage;
import org.hotline.core.api.OpenApiFragments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The telephony OpenAPI fragment and the routes {@link TelephonyRoutes#mount} puts on the server's
 * router agree both ways. The verticle is built but not deployed: mounting reaches neither Asterisk
 * nor Redis, the routes are compared, never called.
 */
class TelephonyOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/telephony/openapi-fragment.json";

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

    private static Router mounted() {
        TelephonyConfig config = TelephonyConfig.forAsterisk("127.0.0.1", 5038, "hotline", "not-used", 4573, null, null);
        TelephonyVerticle telephony = new TelephonyVerticle(config, null, CallerHistory.none(),
                digits -> Future.succeededFuture(Optional.empty()), Clock.systemUTC());
        return TelephonyRoutes.mount(Router.router(vertx), telephony);
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        OpenApiCoverage coverage = OpenApiCoverage.of(mounted(), fragment(), path -> path.startsWith("/api/"));

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndPrefixedSchemas() {
        JsonObject fragment = fragment();

        assertThat(fragment.fieldNames()).containsOnly("openapi", "paths", "components");
        assertThat(fragment.getJsonObject("components").fieldNames()).containsOnly("schemas");
        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Telephony"));
    }

    @Test
    void theAgentEventStreamIsDocumentedAsServerSentEvents() {
        JsonObject events = fragment().getJsonObject("paths").getJsonObject("/api/telephony/agents/{agentId}/events").getJsonObject("get");

        assertThat(events.getJsonObject("responses").getJsonObject("200").getJsonObject("content").fieldNames())
                .containsExactly("text/event-stream");
    }
}
