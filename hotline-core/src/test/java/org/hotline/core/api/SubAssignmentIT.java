package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A district hands a ticket to its own street over real HTTP and real Redis; both see it, strangers do not. */
@Timeout(120)
class SubAssignmentIT {

    private static ApiTestServer server;
    private static String agent;
    private static String dispatcher;
    private static String district;
    private static String street;
    private static String housing;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(8, config -> config);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        district = server.login("dongcheng1", ApiTestServer.DEMO_PASSWORD);
        street = server.login("renmin1", ApiTestServer.DEMO_PASSWORD);
        housing = server.login("housing1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String assignedToDistrict(String phone) {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "小区门口积水").put("content", "人民路小区门口下雨后大量积水。")
            .put("appealType", "HELP").put("phone", phone).put("name", "李四")
            .put("district", "东城区").put("address", "人民路66号"));
        String id = server.get("/api/v1/tickets?phone=" + phone, agent).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "d.dongcheng"));
        return id;
    }

    private static List<String> inboxIds(String token) {
        return server.get("/api/v1/inbox?size=100", token).bodyAsJsonObject().getJsonArray("items").stream()
            .map(item -> ((JsonObject) item).getString("id")).toList();
    }

    @Test
    void theStreetGetsTheTicketInItsInboxAndTheDistrictStillSeesIt() {
        String id = assignedToDistrict("13800138041");

        JsonObject handed = server.ok("/api/v1/tickets/" + id + "/sub-assign", district,
            new JsonObject().put("subUnit", "s.dongcheng.1").put("reason", "属地街道处置"));
        server.ok("/api/v1/tickets/" + id + "/sign", street, new JsonObject());

        assertThat(handed.getString("leadDepartment")).isEqualTo("s.dongcheng.1");
        assertThat(inboxIds(street)).contains(id);
        assertThat(inboxIds(district)).contains(id);
        assertThat(server.get("/api/v1/tickets/" + id, district).bodyAsJsonObject().getString("status")).isEqualTo("SIGNED");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id, housing), 404, "ticket.not-found");
        JsonObject last = server.get("/api/v1/tickets/" + id + "/events", district).bodyAsJsonObject().getJsonArray("items").getJsonObject(3);
        assertThat(last.getString("type")).isEqualTo("TicketSubAssigned");
        assertThat(last.getJsonObject("details").getString("subUnit")).isEqualTo("s.dongcheng.1");
        assertThat(last.getJsonObject("details").getString("previousLead")).isEqualTo("d.dongcheng");
    }

    @Test
    void aUnitThatIsNotItsOwnChildIsRefusedWithAChineseReason() {
        String id = assignedToDistrict("13800138042");

        var refused = server.post("/api/v1/tickets/" + id + "/sub-assign", district, new JsonObject().put("subUnit", "s.xihu.1"));
        var unknown = server.post("/api/v1/tickets/" + id + "/sub-assign", district, new JsonObject().put("subUnit", "s.nowhere"));

        AuthAndProblemsIT.assertProblem(refused, 422, "ticket.not-own-sub-unit");
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("只能转派给本单位的下级单位");
        AuthAndProblemsIT.assertProblem(unknown, 400, "department.unknown");
        assertThat(server.get("/api/v1/tickets/" + id, dispatcher).bodyAsJsonObject().getString("leadDepartment")).isEqualTo("d.dongcheng");
    }

    @Test
    void theSubUnitCannotHandTheTicketBackUpAndTheParentNoLongerActsOnIt() {
        String id = assignedToDistrict("13800138043");
        server.ok("/api/v1/tickets/" + id + "/sub-assign", district, new JsonObject().put("subUnit", "s.dongcheng.1"));

        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sub-assign", street,
            new JsonObject().put("subUnit", "d.dongcheng")), 422, "ticket.not-own-sub-unit");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sign", district, new JsonObject()), 403, "ticket.not-assignee");
    }

    @Test
    void theDistrictTakesTheTicketBackAndTheStreetNoLongerSeesIt() {
        String id = assignedToDistrict("13800138044");
        server.ok("/api/v1/tickets/" + id + "/sub-assign", district, new JsonObject().put("subUnit", "s.dongcheng.1"));
        server.ok("/api/v1/tickets/" + id + "/sign", street, new JsonObject());

        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sub-assign/withdraw", street, new JsonObject()),
            422, "ticket.not-sub-assigned");
        JsonObject back = server.ok("/api/v1/tickets/" + id + "/sub-assign/withdraw", district,
            new JsonObject().put("reason", "街道人手不足，区里直接办理"));

        assertThat(back.getString("leadDepartment")).isEqualTo("d.dongcheng");
        assertThat(back.getString("status")).isEqualTo("SIGNED");
        assertThat(inboxIds(street)).doesNotContain(id);
        assertThat(inboxIds(district)).contains(id);
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id, street), 404, "ticket.not-found");
        var events = server.get("/api/v1/tickets/" + id + "/events", district).bodyAsJsonObject().getJsonArray("items");
        JsonObject last = events.getJsonObject(events.size() - 1);
        assertThat(last.getString("type")).isEqualTo("SubAssignmentWithdrawn");
        assertThat(last.getJsonObject("details").getString("subUnit")).isEqualTo("s.dongcheng.1");
        assertThat(last.getString("reason")).isEqualTo("街道人手不足，区里直接办理");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sub-assign/withdraw", district, new JsonObject()),
            422, "ticket.not-sub-assigned");
    }
}
