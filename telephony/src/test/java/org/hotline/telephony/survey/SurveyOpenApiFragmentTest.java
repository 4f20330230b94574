package org.hotline.telephony.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.ZoneId;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.testsupport.OpenApiCoverage;
import org.junit.jupiter.api.Test;

/** The survey routes and their OpenAPI fragment agree both ways; the routes are compared, never called. */
class SurveyOpenApiFragmentTest {

    static final String FRAGMENT = "/org/hotline/telephony/survey/openapi-fragment.json";

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
        Vertx vertx = Vertx.vertx();
        Router router = SurveyRoutes.mount(Router.router(vertx), new SurveyCampaignVerticle(null, "n", ZoneId.of("Asia/Shanghai")));
        OpenApiCoverage coverage = OpenApiCoverage.of(router, OpenApiFragments.load(FRAGMENT), path -> path.startsWith("/api/"));
        vertx.close();

        assertThat(coverage.undocumented()).as("mounted but not in the fragment").isEmpty();
        assertThat(coverage.unmounted()).as("in the fragment but not mounted").isEmpty();
    }

    @Test
    void theFragmentHoldsOnlyPathsAndSurveySchemasWithoutRoleLists() {
        JsonObject fragment = OpenApiFragments.load(FRAGMENT);

        assertThat(fragment.getJsonObject("components").getJsonObject("schemas").fieldNames()).allMatch(name -> name.startsWith("Survey"));
        assertThat(fragment.encode()).doesNotContainPattern("\\(ROLE");
    }
}
