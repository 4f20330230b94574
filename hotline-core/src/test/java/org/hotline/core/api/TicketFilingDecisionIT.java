package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.api.AuthAndProblemsIT.assertProblem;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * POST /api/v1/tickets with the decision taken at filing (直接办结 / 并入已有工单) over real HTTP and
 * real Redis: the ticket is born closed or merged, its events are in order, bad combinations are 400.
 */
@Timeout(120)
class TicketFilingDecisionIT {

    private static ApiTestServer server;
    private static String agent;
    private static String supervisor;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(3, config -> config);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        supervisor = server.login("supervisor1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject call(String phone, String title) {
        return new JsonObject().put("title", title).put("content", "来电人反映" + title + "，请求处理。")
            .put("appealType", "CONSULTATION").put("phone", phone).put("name", "李四");
    }

    private static List<String> eventTypes(String id) {
        return server.get("/api/v1/tickets/" + id + "/events", supervisor).bodyAsJsonObject().getJsonArray("items").stream()
            .map(item -> ((JsonObject) item).getString("type")).toList();
    }

    @Test
    void aTicketFiledWithADirectAnswerIsBornClosedWithItsAnswer() {
        JsonObject filed = server.ok("/api/v1/tickets", agent,
            call("13800138301", "公积金提取咨询").put("directAnswer", "连续缴存满6个月可提取").put("idempotencyKey", "fd-1"));

        assertThat(filed.getString("status")).isEqualTo("CLOSED");
        assertThat(filed.getJsonObject("reply").getString("text")).isEqualTo("连续缴存满6个月可提取");
        assertThat(eventTypes(filed.getString("id"))).containsExactly("TicketReceived", "TicketAnsweredDirectly", "TicketClosed");
        JsonObject replay = server.ok("/api/v1/tickets", agent,
            call("13800138301", "公积金提取咨询").put("directAnswer", "连续缴存满6个月可提取").put("idempotencyKey", "fd-1"));
        assertThat(replay.getString("id")).isEqualTo(filed.getString("id"));
    }

    @Test
    void aTicketFiledIntoAnOpenTicketByNumberIsBornMergedAndTheMasterAbsorbsIt() {
        JsonObject master = server.ok("/api/v1/tickets", supervisor, call("13800138302", "小区停水"));
        JsonObject body = call("13800138302", "小区停水又来电").put("mergeInto", master.getString("number"))
            .put("mergeReason", "同一来电人重复反映").put("idempotencyKey", "fd-2");

        JsonObject merged = server.ok("/api/v1/tickets", supervisor, body);
        JsonObject replay = server.ok("/api/v1/tickets", supervisor, body);

        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(merged.getString("masterTicketId")).isEqualTo(master.getString("id"));
        assertThat(replay.getString("id")).isEqualTo(merged.getString("id"));
        assertThat(eventTypes(merged.getString("id"))).containsExactly("TicketReceived", "TicketMerged");
        assertThat(eventTypes(master.getString("id"))).containsExactly("TicketReceived", "DuplicateAbsorbed");
    }

    @Test
    void aTicketCanBeMergedAtFilingIntoAMasterNamedByItsId() {
        JsonObject master = server.ok("/api/v1/tickets", supervisor, call("13800138303", "路灯不亮"));

        JsonObject merged = server.ok("/api/v1/tickets", supervisor, call("13800138303", "路灯不亮再次反映")
            .put("mergeInto", master.getString("id")));

        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(merged.getString("masterTicketId")).isEqualTo(master.getString("id"));
    }

    @Test
    void bothDecisionsAtOnceOrAMergeNoteAloneAreRefusedWith400() {
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138304", "两项决定")
            .put("directAnswer", "已答复").put("mergeInto", "12345-20261122-000001")), 400, "ticket.intake-conflict");
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138304", "只有并单说明")
            .put("mergeReason", "重复")), 400, "ticket.intake-conflict");
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138304", "空答复")
            .put("directAnswer", "  ")), 400, "request.invalid-field");
        assertThat(server.get("/api/v1/tickets?phone=13800138304", supervisor).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    }

    @Test
    void mergingIntoAnUnknownOrClosedTicketIsRefusedAndNothingIsFiled() {
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138305", "未知主单")
            .put("mergeInto", "12345-20990101-999999")), 400, "ticket.master-not-found");
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138305", "非法主单")
            .put("mergeInto", "不是工单")), 400, "ticket.master-not-found");
        JsonObject closed = server.ok("/api/v1/tickets", agent, call("13800138306", "已办结").put("directAnswer", "已答复"));
        assertProblem(server.post("/api/v1/tickets", supervisor, call("13800138305", "并入已办结")
            .put("mergeInto", closed.getString("id"))), 422, "ticket.master-closed");
        assertThat(server.get("/api/v1/tickets?phone=13800138305", supervisor).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    }

    @Test
    void anAgentMayNotMergeAtFilingAsHeMayNotMergeLater() {
        JsonObject master = server.ok("/api/v1/tickets", agent, call("13800138307", "噪音扰民"));
        assertProblem(server.post("/api/v1/tickets", agent, call("13800138307", "噪音扰民再次")
            .put("mergeInto", master.getString("id"))), 403, "ticket.forbidden-role");
    }
}
