package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each staff view says what its reader may do now, and every listed action is one the server then accepts. */
@Timeout(120)
class AllowedActionsIT {

    private static ApiTestServer server;
    private static String agent;
    private static String dispatcher;
    private static String urban;
    private static String housing;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(7, config -> config);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        urban = server.login("urban1", ApiTestServer.DEMO_PASSWORD);
        housing = server.login("housing1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A web appeal, classified and assigned by the dispatcher; found by the caller's history as staff do. */
    private static String assigned(String phone, String title, String lead) {
        String number = server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal(phone, title)).getString("ticketNumber");
        String id = server.get("/api/v1/tickets/" + number, dispatcher).bodyAsJsonObject().getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", lead));
        return id;
    }

    private static List<Object> allowed(String id, String token) {
        return server.get("/api/v1/tickets/" + id, token).bodyAsJsonObject().getJsonArray("allowedActions").getList();
    }

    @Test
    void theActionsFollowTheTicketFromIntakeToAClosedTicketThatOffersNothing() {
        String id = assigned("13800138071", "井盖缺失", "urban");
        assertThat(allowed(id, urban)).containsExactly("sign", "request-return");
        assertThat(server.get("/api/v1/tickets/" + id, housing).statusCode()).isEqualTo(404);
        assertThat(allowed(id, dispatcher)).contains("reassign", "urge").doesNotContain("sign", "close", "revisit");

        server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/reply", urban, new JsonObject().put("text", "已补装井盖").put("result", "UNRESOLVED"));
        server.ok("/api/v1/tickets/" + id + "/accept-reply", dispatcher, new JsonObject());
        assertThat(allowed(id, agent)).containsExactly("revisit");
        JsonObject visited = server.ok("/api/v1/tickets/" + id + "/revisit", agent,
            new JsonObject().put("resolution", "UNRESOLVED").put("satisfaction", "DISSATISFIED"));

        // an agent may visit a visited ticket again (复核回访 of a survey campaign); a dispatcher never records visits
        assertThat(visited.getJsonArray("allowedActions").getList()).containsExactly("revisit", "close");
        assertThat(allowed(id, dispatcher)).containsExactly("rehandle", "close", "merge"); // 并单 at any stage before closing (issue 18)
        server.ok("/api/v1/tickets/" + id + "/close", dispatcher, new JsonObject().put("reason", "市民不再要求"));
        assertThat(allowed(id, dispatcher)).isEmpty();
        assertThat(allowed(id, agent)).isEmpty();
    }

    @Test
    void aTicketOpensByTheNumberPeopleQuoteWithinTheSameScopeAsByItsId() {
        String number = server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13800138072", "路灯不亮")).getString("ticketNumber");
        String id = server.get("/api/v1/tickets?phone=13800138072", dispatcher).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));

        assertThat(server.get("/api/v1/tickets/" + number, urban).bodyAsJsonObject().getString("id")).isEqualTo(id);
        assertThat(server.get("/api/v1/tickets/" + number, housing).statusCode()).isEqualTo(404);
        assertThat(server.ok("/api/v1/tickets/" + number + "/sign", urban, new JsonObject()).getString("status")).isEqualTo("SIGNED");
    }
}
