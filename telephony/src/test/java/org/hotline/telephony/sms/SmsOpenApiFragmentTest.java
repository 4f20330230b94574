package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.testsupport.OpenApiCoverage;
import org.junit.jupiter.api.Test;

/** The SMS routes and their OpenAPI fragment agree both ways; the routes are compared, never called. */
class SmsOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/telephony/sms/openapi-fragment.json";

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        Vertx vertx = Vertx.vertx();
        Router router = SmsRoutes.mount(Router.router(vertx), new SmsVerticle(SmsConfig.off(), null, null, "n", DutyPhones.none(),
                Clock.systemUTC()));

        OpenApiCoverage coverage = OpenApiCoverage.of(router, OpenApiFragments.load(FRAGMENT), path -> path.startsWith("/api/"));
        vertx.close();

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndSmsSchemas() {
        JsonObject fragment = OpenApiFragments.load(FRAGMENT);

        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Sms"));
    }
}
