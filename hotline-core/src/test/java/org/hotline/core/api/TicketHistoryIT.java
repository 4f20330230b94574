package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /api/v1/tickets/{id}/events over real HTTP and real Redis: order, fields, scope and masking. */
@Timeout(120)
class TicketHistoryIT {

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

    private static String handledByUrban(String phone, String replyText) {
        return handledByUrban(phone, replyText, false);
    }

    private static String handledByUrban(String phone, String replyText, boolean confidential) {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "路灯不亮").put("content", "解放路路灯连续三晚不亮。")
            .put("appealType", "COMPLAINT").put("phone", phone).put("name", "张三丰").put("confidential", confidential)
            .put("district", "东城区").put("address", "解放路12号"));
        String id = server.get("/api/v1/tickets?phone=" + phone, agent).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));
        server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/reply", urban, new JsonObject().put("text", replyText).put("result", "RESOLVED"));
        return id;
    }

    private static List<JsonObject> items(JsonObject history) {
        return history.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void everyEventOfTheTicketIsListedInOrderWithWhoWhenAndWhat() {
        String id = handledByUrban("13800138031", "已更换灯泡，恢复照明");

        JsonObject history = server.get("/api/v1/tickets/" + id + "/events", urban).bodyAsJsonObject();

        List<JsonObject> items = items(history);
        assertThat(history.getBoolean("complete")).isTrue();
        assertThat(items).extracting(item -> item.getString("type"))
            .containsExactly("TicketReceived", "TicketClassified", "TicketAssigned", "TicketSigned", "TicketReplied");
        assertThat(items).extracting(item -> item.getInteger("version")).containsExactly(1, 2, 3, 4, 5);
        assertThat(items.get(2).getJsonObject("details").getString("lead")).isEqualTo("urban");
        assertThat(items.get(2).getJsonObject("details").getString("handleDueAt")).isNotBlank();
        assertThat(items.get(2).getString("label")).isEqualTo("派单");
        JsonObject reply = items.get(4);
        assertThat(reply.getJsonObject("details").getString("text")).isEqualTo("已更换灯泡，恢复照明");
        assertThat(reply.getJsonObject("actor").getString("role")).isEqualTo("DEPARTMENT");
        assertThat(reply.getJsonObject("actor").getString("departmentId")).isEqualTo("urban");
        assertThat(reply.getJsonObject("actor").containsKey("userId")).isFalse();
        assertThat(reply.getString("at")).isNotBlank();
    }

    @Test
    void anotherDepartmentGetsNotFoundForTheEventsOfATicketItDoesNotHold() {
        String id = handledByUrban("13800138032", "已处理");

        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id + "/events", housing), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/no-such-ticket/events", dispatcher), 404, "ticket.not-found");
    }

    @Test
    void aDepartmentReadsAConfidentialCallerMaskedInsideEventTextsAndAnOpenOneInClear() {
        String id = handledByUrban("13800138033", "已联系张三丰（13800138033），另一住户13912345678也已告知", true);
        String open = handledByUrban("13800138034", "已联系张三丰（13800138034）");

        String forDepartment = server.get("/api/v1/tickets/" + id + "/events", urban).bodyAsString();
        JsonArray openForDepartment = server.get("/api/v1/tickets/" + open + "/events", urban).bodyAsJsonObject().getJsonArray("items");

        assertThat(forDepartment).doesNotContain("13800138033").doesNotContain("张三丰").doesNotContain("13912345678")
            .contains("138****8033").contains("张**").contains("139****5678");
        assertThat(openForDepartment.getJsonObject(4).getJsonObject("details").getString("text")).contains("张三丰（13800138034）");
    }
}
