package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 主办/协办 over real HTTP and real Redis: the assisting unit finds the ticket in its inbox with its
 * own clocks, signs and gives its opinion, which the lead reads on the ticket; the lead's reply ends it.
 */
@Timeout(120)
class AssistanceIT {

    private static ApiTestServer server;
    private static String dispatcher;
    private static String lead;
    private static String helper;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(8, config -> config);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        lead = server.login("housing1", ApiTestServer.DEMO_PASSWORD);
        helper = server.login("dongcheng1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String assignedWithAssistingDistrict(String phone) {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "小区门口积水").put("content", "人民路小区门口下雨后大量积水。")
            .put("appealType", "HELP").put("phone", phone).put("name", "李四")
            .put("district", "东城区").put("address", "人民路66号"));
        String id = server.get("/api/v1/tickets?phone=" + phone, dispatcher).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher,
            new JsonObject().put("lead", "housing").put("assisting", new JsonArray().add("d.dongcheng")));
        return id;
    }

    private static JsonObject ticket(String id, String token) {
        return server.get("/api/v1/tickets/" + id, token).bodyAsJsonObject();
    }

    private static List<Object> allowed(String id, String token) {
        return ticket(id, token).getJsonArray("allowedActions").getList();
    }

    @Test
    void theAssistingUnitSignsAndAnswersOnItsOwnClocksAndTheLeadReadsTheOpinion() {
        String id = assignedWithAssistingDistrict("13800138051");

        JsonObject seen = ticket(id, helper);
        JsonObject part = seen.getJsonArray("assistance").getJsonObject(0);
        assertThat(part.getString("department")).isEqualTo("d.dongcheng");
        assertThat(part.getJsonObject("clocks").getJsonObject("SIGN").getLong("remainingWorkingSeconds")).isPositive();
        assertThat(part.getJsonObject("clocks").getJsonObject("OPINION").getString("dueAt")).isNotNull();
        assertThat(seen.getJsonArray("allowedActions").getList()).containsExactly("assist-sign");
        assertThat(server.get("/api/v1/inbox?size=100", helper).bodyAsJsonObject().getJsonArray("items").stream()
            .map(item -> ((JsonObject) item).getString("id"))).contains(id);
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/assist-opinion", helper,
            new JsonObject().put("opinion", "配合清理")), 422, "ticket.assistance-not-signed");

        server.ok("/api/v1/tickets/" + id + "/assist-sign", helper, new JsonObject());
        assertThat(allowed(id, helper)).containsExactly("assist-opinion");
        server.ok("/api/v1/tickets/" + id + "/assist-opinion", helper, new JsonObject().put("opinion", "东城区已安排人民路街道配合疏通排水"));

        JsonObject answered = ticket(id, lead).getJsonArray("assistance").getJsonObject(0);
        assertThat(answered.getString("opinion")).isEqualTo("东城区已安排人民路街道配合疏通排水");
        assertThat(answered.getString("signedAt")).isNotNull();
        assertThat(answered.getString("answeredAt")).isNotNull();
        assertThat(allowed(id, helper)).isEmpty();
        JsonArray events = server.get("/api/v1/tickets/" + id + "/events", lead).bodyAsJsonObject().getJsonArray("items");
        JsonObject last = events.getJsonObject(events.size() - 1);
        assertThat(last.getString("type")).isEqualTo("AssistanceOpinionGiven");
        assertThat(last.getString("label")).isEqualTo("协办意见");
        assertThat(last.getJsonObject("details").getString("departmentId")).isEqualTo("d.dongcheng");
    }

    @Test
    void theLeadCannotSignForTheAssistingPartNorTheAssistingUnitForTheLead() {
        String id = assignedWithAssistingDistrict("13800138052");

        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/assist-sign", lead, new JsonObject()),
            403, "ticket.not-assisting");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sign", helper, new JsonObject()),
            403, "ticket.not-assignee");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/assist-sign", dispatcher, new JsonObject()),
            403, "ticket.forbidden-role");
        assertThat(allowed(id, lead)).contains("sign").doesNotContain("assist-sign", "assist-opinion");
    }

    @Test
    void anOpinionWithoutTextOrWithUnknownFieldsIsABadRequest() {
        String id = assignedWithAssistingDistrict("13800138053");
        server.ok("/api/v1/tickets/" + id + "/assist-sign", helper, new JsonObject());

        assertThat(server.post("/api/v1/tickets/" + id + "/assist-opinion", helper, new JsonObject()).statusCode()).isEqualTo(400);
        assertThat(server.post("/api/v1/tickets/" + id + "/assist-opinion", helper,
            new JsonObject().put("opinion", "配合").put("text", "多余")).statusCode()).isEqualTo(400);
    }

    @Test
    void theLeadsReplyDoesNotWaitAndEndsTheAssistingUnitsOpenPart() {
        String id = assignedWithAssistingDistrict("13800138054");
        server.ok("/api/v1/tickets/" + id + "/sign", lead, new JsonObject());

        JsonObject replied = server.ok("/api/v1/tickets/" + id + "/reply", lead,
            new JsonObject().put("text", "已疏通排水管道").put("result", "RESOLVED"));

        assertThat(replied.getString("status")).isEqualTo("REPLIED");
        JsonObject part = replied.getJsonArray("assistance").getJsonObject(0);
        assertThat(part.getString("endedAt")).isNotNull();
        assertThat(part.getJsonObject("clocks").getJsonObject("SIGN").getString("stoppedAt")).isNotNull();
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/assist-sign", helper, new JsonObject()),
            422, "ticket.illegal-transition");
    }
}
