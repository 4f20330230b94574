package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Administrators edit the dispatch catalog over HTTP, against real Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingRoutesIT {

    private DispatchTestServer server;
    private String admin;
    private String dispatcher;

    @BeforeAll
    void start() {
        server = new DispatchTestServer(10);
        admin = server.token(new Actor("admin", Role.ADMIN, null, "管理员"));
        dispatcher = server.token(Actor.dispatcher("p1", "派单员"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static JsonObject rule(String level, boolean functional) {
        return new JsonObject().put("id", "noise-yuelu").put("version", 2).put("categoryPrefix", "0202")
                .put("district", "岳麓区").put("street", level.equals("STREET") ? "望月湖街道" : null)
                .put("lead", "environment").put("level", level).put("functional", functional)
                .put("effectiveFrom", "2026-01-01T00:00:00Z");
    }

    @Test
    void anAdministratorStoresAVersionedRuleThatDispatchersCanRead() {
        assertThat(server.send(HttpMethod.PUT, RoutingRoutes.RULES, admin, "application/json",
                rule("DISTRICT", true).toBuffer()).statusCode()).isEqualTo(200);
        JsonObject listed = server.send(HttpMethod.GET, RoutingRoutes.RULES, dispatcher, "application/json", null)
                .bodyAsJsonObject();
        assertThat(listed.getJsonArray("rules").getJsonObject(0).getInteger("version")).isEqualTo(2);
    }

    @Test
    void aFunctionalMatterRuleAtStreetLevelIsRefusedAndOnlyAdministratorsMayEdit() {
        var refused = server.send(HttpMethod.PUT, RoutingRoutes.RULES, admin, "application/json",
                rule("STREET", true).toBuffer());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("66号");
        assertThat(server.send(HttpMethod.PUT, RoutingRoutes.RULES, dispatcher, "application/json",
                rule("DISTRICT", true).toBuffer()).statusCode()).isEqualTo(403);
    }
}
