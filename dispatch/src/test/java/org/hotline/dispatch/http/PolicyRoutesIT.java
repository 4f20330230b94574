package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The auto-assign policy over HTTP against real Redis: served, replaced by administrators, validated. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyRoutesIT {

    private DispatchTestServer server;
    private String admin;
    private String dispatcher;
    private String agent;

    @BeforeAll
    void start() {
        server = new DispatchTestServer(2);
        admin = server.token(new Actor("admin-1", Role.ADMIN, null, "管理员"));
        dispatcher = server.token(Actor.dispatcher("p1", "派单员"));
        agent = server.token(Actor.agent("a1", "坐席"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theDefaultIsServedUntilAnAdministratorStoresAPolicyWhichIsThenServedAndStoredAsIs() {
        server.redis.sync().del(RedisAutoAssignPolicy.KEY);
        JsonObject initial = get(agent);
        assertThat(initial.getDouble("autoAssignConfidence")).isEqualTo(AutoAssignPolicy.DEFAULT_CONFIDENCE);
        assertThat(initial.getJsonObject("categories")).isEmpty();

        JsonObject stored = put(admin, new JsonObject().put("autoAssignConfidence", 0.7)
                .put("categories", new JsonObject().put("城乡建设", 0.93).put("交通运输", 0.5)).put("targetPrecision", 0.98));
        assertThat(stored.getString("updatedBy")).isEqualTo("admin-1");

        JsonObject served = get(dispatcher);
        assertThat(served.getDouble("autoAssignConfidence")).isEqualTo(0.7);
        assertThat(served.getJsonObject("categories").getDouble("城乡建设")).isEqualTo(0.93);
        assertThat(served.getJsonObject("categories").getDouble("交通运输")).isEqualTo(0.5);
        assertThat(served.getDouble("targetPrecision")).isEqualTo(0.98);
        AutoAssignPolicy applied = DispatchTestServer.await(new RedisAutoAssignPolicy(server.vertx, server.redis.async()).current());
        assertThat(applied.thresholdFor("城乡建设")).isEqualTo(0.93);
        assertThat(applied.thresholdFor("环境保护")).isEqualTo(0.7);
    }

    @Test
    void theConfiguredThresholdIsAppliedUntilAnAdministratorStoresAPolicy() {
        server.redis.sync().del(RedisAutoAssignPolicy.KEY);
        RedisAutoAssignPolicy configured = new RedisAutoAssignPolicy(server.vertx, server.redis.async(), AutoAssignPolicy.uniform(0.75));

        AutoAssignPolicy fallback = DispatchTestServer.await(configured.current());
        assertThat(fallback.thresholdFor("城乡建设")).isEqualTo(0.75);
        assertThat(fallback.autoAssignConfidence()).isEqualTo(0.75);

        DispatchTestServer.await(configured.put(AutoAssignPolicy.uniform(0.95)));
        assertThat(DispatchTestServer.await(configured.current()).thresholdFor("城乡建设")).isEqualTo(0.95);
        server.redis.sync().del(RedisAutoAssignPolicy.KEY);
    }

    @Test
    void onlyAdministratorsMayReplaceItAndBadThresholdsAreRefusedInChinese() {
        JsonObject valid = new JsonObject().put("autoAssignConfidence", 0.8);
        assertThat(server.send(HttpMethod.PUT, PolicyRoutes.POLICY, dispatcher, "application/json", valid.toBuffer())
                .statusCode()).isEqualTo(403);
        assertThat(server.send(HttpMethod.GET, PolicyRoutes.POLICY, null, "application/json", null).statusCode())
                .isEqualTo(401);

        var tooHigh = server.send(HttpMethod.PUT, PolicyRoutes.POLICY, admin, "application/json",
                new JsonObject().put("autoAssignConfidence", 1.5).toBuffer());
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.bodyAsJsonObject().getString("detail")).contains("autoAssignConfidence", "0 到 1");
        var badCategory = server.send(HttpMethod.PUT, PolicyRoutes.POLICY, admin, "application/json",
                new JsonObject().put("autoAssignConfidence", 0.8).put("categories", new JsonObject().put("城乡建设", "高"))
                        .toBuffer());
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(badCategory.bodyAsJsonObject().getString("detail")).contains("categories.城乡建设");
        var missing = server.send(HttpMethod.PUT, PolicyRoutes.POLICY, admin, "application/json",
                new JsonObject().put("categories", new JsonObject()).toBuffer());
        assertThat(missing.statusCode()).isEqualTo(400);
        var notJson = server.send(HttpMethod.PUT, PolicyRoutes.POLICY, admin, "application/json", Buffer.buffer("{阈值"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.bodyAsJsonObject().getString("detail")).contains("自动派单策略无效");
    }

    private JsonObject get(String token) {
        var response = server.send(HttpMethod.GET, PolicyRoutes.POLICY, token, "application/json", null);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private JsonObject put(String token, JsonObject body) {
        var response = server.send(HttpMethod.PUT, PolicyRoutes.POLICY, token, "application/json", body.toBuffer());
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }
}
