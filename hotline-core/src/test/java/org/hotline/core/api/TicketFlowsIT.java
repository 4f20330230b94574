package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.core.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each role's flow end to end over real HTTP, real Redis, the real ticket service. */
@Timeout(120)
class TicketFlowsIT {

    private static ApiTestServer server;
    private static String agent;
    private static String dispatcher;
    private static String supervisor;
    private static String urban;
    private static String housing;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(3, config -> config);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        supervisor = server.login("supervisor1", ApiTestServer.DEMO_PASSWORD);
        urban = server.login("urban1", ApiTestServer.DEMO_PASSWORD);
        housing = server.login("housing1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonObject appeal(String phone, String title) {
        return new JsonObject().put("title", title).put("content", "人民路与解放路交叉口路面塌陷，已有车辆受损。")
            .put("appealType", "COMPLAINT").put("phone", phone).put("name", "张三丰")
            .put("district", "东城区").put("address", "人民路与解放路交叉口");
    }

    /** Submits a web appeal and finds its id the way a dispatcher would: by the caller's history. */
    static String submitAndFind(String phone, String title) {
        JsonObject created = server.ok("/api/v1/appeals", null, appeal(phone, title));
        JsonArray history = server.get("/api/v1/tickets?phone=" + phone, dispatcher).bodyAsJsonObject().getJsonArray("items");
        return history.stream().map(JsonObject.class::cast)
            .filter(t -> t.getString("number").equals(created.getString("ticketNumber")))
            .findFirst().orElseThrow().getString("id");
    }

    static String assigned(String phone, String title, String lead) {
        String id = submitAndFind(phone, title);
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", lead));
        return id;
    }

    @Test
    void webAppealGoesFromIntakeThroughHandlingToClosedAndTheCitizenSeesIt() {
        JsonObject created = server.ok("/api/v1/appeals", null, appeal("13800138001", "路面塌陷"));
        String number = created.getString("ticketNumber");
        String code = created.getString("queryCode");
        String id = server.get("/api/v1/tickets?phone=13800138001", agent).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");

        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));
        JsonArray inbox = server.get("/api/v1/inbox", urban).bodyAsJsonObject().getJsonArray("items");
        assertThat(inbox.stream().map(t -> ((JsonObject) t).getString("id"))).contains(id);
        server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/contact", urban, new JsonObject().put("note", "已电话联系市民，约定现场查看"));
        server.ok("/api/v1/tickets/" + id + "/reply", urban, new JsonObject().put("text", "已修复路面").put("result", "RESOLVED"));
        server.ok("/api/v1/tickets/" + id + "/accept-reply", supervisor, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/revisit", agent, new JsonObject().put("resolution", "RESOLVED").put("satisfaction", "SATISFIED"));
        JsonObject closed = server.ok("/api/v1/tickets/" + id + "/close", supervisor, new JsonObject().put("reason", "回访满意"));

        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        JsonObject progress = server.get("/api/v1/appeals/" + number + "?queryCode=" + code, null).bodyAsJsonObject();
        assertThat(progress.getString("status")).isEqualTo("CLOSED");
        assertThat(progress.getString("department")).isEqualTo("urban");
        assertThat(progress.getString("departmentName")).isEqualTo("市城市管理局");
        assertThat(progress.getJsonObject("reply").getString("text")).isEqualTo("已修复路面");
        assertThat(progress.encode()).doesNotContain("13800138001").doesNotContain("张三丰");
    }

    @Test
    void citizenRatesTheReviewedReplyWithTheQueryCode() {
        JsonObject created = server.ok("/api/v1/appeals", null, appeal("13800138012", "市民评价"));
        String number = created.getString("ticketNumber");
        String id = server.get("/api/v1/tickets?phone=13800138012", agent).bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));
        server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/reply", urban, new JsonObject().put("text", "已处理").put("result", "RESOLVED"));
        server.ok("/api/v1/tickets/" + id + "/accept-reply", supervisor, new JsonObject());

        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals/" + number + "/rating", null,
            new JsonObject().put("queryCode", "WRONG2").put("satisfaction", "DISSATISFIED")), 404, "appeal.not-found");
        JsonObject rated = server.ok("/api/v1/appeals/" + number + "/rating", null,
            new JsonObject().put("queryCode", created.getString("queryCode")).put("satisfaction", "BASICALLY_SATISFIED"));

        assertThat(rated.getJsonObject("visit").getString("satisfaction")).isEqualTo("BASICALLY_SATISFIED");
    }

    @Test
    void progressNeedsTheRightQueryCode() {
        JsonObject created = server.ok("/api/v1/appeals", null, appeal("13800138002", "查询码"));

        AuthAndProblemsIT.assertProblem(server.get("/api/v1/appeals/" + created.getString("ticketNumber") + "?queryCode=ZZZZZZ", null),
            404, "appeal.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/appeals/12345-20990101-000001?queryCode=" + created.getString("queryCode"), null),
            404, "appeal.not-found");
    }

    @Test
    void returnIsApprovedByTheDispatcherAndTheTicketReachesTheRightDepartment() {
        String id = assigned("13800138003", "退单", "housing");

        server.ok("/api/v1/tickets/" + id + "/request-return", housing,
            new JsonObject().put("reason", "道路破损属城管职责").put("responsibleParty", "市城市管理局"));
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/approve-return", agent, new JsonObject()), 403,
            "ticket.forbidden-role");
        JsonObject approved = server.ok("/api/v1/tickets/" + id + "/approve-return", dispatcher, new JsonObject().put("newLead", "urban"));

        assertThat(approved.getString("leadDepartment")).isEqualTo("urban");
        assertThat(approved.getInteger("returnCount")).isEqualTo(1);
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id, housing), 404, "ticket.not-found");
        assertThat(server.get("/api/v1/tickets/" + id, urban).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectedReturnStaysWithTheDepartment() {
        String id = assigned("13800138004", "驳回退单", "urban");
        server.ok("/api/v1/tickets/" + id + "/request-return", urban, new JsonObject().put("reason", "不归我们").put("responsibleParty", "市住建局"));

        JsonObject rejected = server.ok("/api/v1/tickets/" + id + "/reject-return", supervisor, new JsonObject().put("reason", "属城管职责，请办理"));

        assertThat(rejected.getString("leadDepartment")).isEqualTo("urban");
        assertThat(rejected.getString("status")).isNotEqualTo("RETURN_REQUESTED");
    }

    @Test
    void extensionIsApprovedOrRejectedBySupervisors() {
        String approvedId = assigned("13800138005", "延期一", "urban");
        String rejectedId = assigned("13800138006", "延期二", "urban");
        for (String id : new String[] {approvedId, rejectedId}) {
            server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
            server.ok("/api/v1/tickets/" + id + "/request-extension", urban, new JsonObject().put("workingDays", 3).put("reason", "需协调施工单位"));
        }

        JsonObject approved = server.ok("/api/v1/tickets/" + approvedId + "/approve-extension", supervisor, new JsonObject());
        JsonObject rejected = server.ok("/api/v1/tickets/" + rejectedId + "/reject-extension", supervisor, new JsonObject().put("reason", "理由不充分"));

        assertThat(approved.getInteger("extensionCount")).isEqualTo(1);
        assertThat(rejected.getInteger("extensionCount")).isZero();
        JsonObject deadlines = server.get("/api/v1/tickets/" + approvedId + "/deadlines", supervisor).bodyAsJsonObject();
        assertThat(deadlines.getJsonObject("clocks").encode()).contains("dueAt");
    }

    @Test
    void duplicateIsMergedIntoItsMaster() {
        String master = submitAndFind("13800138007", "并单主件");
        String duplicate = submitAndFind("13800138008", "并单重复件");

        JsonObject merged = server.ok("/api/v1/tickets/" + duplicate + "/merge", supervisor,
            new JsonObject().put("masterTicketId", master).put("reason", "同一路段"));

        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(merged.getString("masterTicketId")).isEqualTo(master);
    }

    @Test
    void agentCreatesFromACallOnceAndAnswersDirectly() {
        JsonObject call = new JsonObject().put("callId", "call-4711").put("title", "公积金提取咨询").put("content", "询问公积金提取条件")
            .put("appealType", "CONSULTATION").put("phone", "13800138009").put("name", "李四");
        JsonObject first = server.ok("/api/v1/tickets", agent, call);
        JsonObject replay = server.ok("/api/v1/tickets", agent, call);

        assertThat(replay.getString("id")).isEqualTo(first.getString("id"));
        assertThat(first.getJsonArray("callIds").getList()).contains("call-4711");
        JsonObject answered = server.ok("/api/v1/tickets/" + first.getString("id") + "/answer", agent,
            new JsonObject().put("answer", "连续缴存满6个月可提取，详见公积金中心网站"));
        assertThat(answered.getString("status")).isEqualTo("CLOSED");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets", urban, call), 403, "auth.role-not-allowed");
    }

    @Test
    void departmentsSeeTheCallerOfTheirOwnOrSubUnitTicketsAndNoOthers() {
        String id = assigned("13800138010", "数据范围", "s.dongcheng.1");
        String district = server.login("dongcheng1", ApiTestServer.DEMO_PASSWORD);
        String street = server.login("renmin1", ApiTestServer.DEMO_PASSWORD);
        String parentOnly = assigned("13800138011", "区级工单", "d.dongcheng");

        JsonObject seenByDistrict = server.get("/api/v1/tickets/" + id, district).bodyAsJsonObject();
        assertThat(seenByDistrict.getJsonObject("caller").getString("phone")).isEqualTo("13800138010");
        assertThat(seenByDistrict.getJsonObject("caller").getString("name")).isEqualTo("张三丰");
        assertThat(seenByDistrict.containsKey("queryCode")).isFalse();
        assertThat(server.get("/api/v1/tickets/" + id, agent).bodyAsJsonObject().getJsonObject("caller").getString("phone"))
            .isEqualTo("13800138010");
        assertThat(server.get("/api/v1/tickets/" + id, street).statusCode()).isEqualTo(200);
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + parentOnly, street), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id, urban), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + id + "/sign", urban, new JsonObject()), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/no-such-id", urban), 404, "ticket.not-found");
    }

    @Test
    void theHandlingDepartmentsReadOfTheCallersNumberIsAuditedAsAPersonalDataRead() {
        String id = assigned("13800138012", "部门联系群众", "urban");
        long before = server.redis.sync().xlen(AuditLog.STREAM);

        JsonObject seen = server.get("/api/v1/tickets/" + id, urban).bodyAsJsonObject();
        server.get("/api/v1/inbox", urban);

        assertThat(seen.getJsonObject("caller").getString("phone")).isEqualTo("13800138012");
        List<StreamMessage<String, String>> reads = server.redis.sync().xrange(AuditLog.STREAM, Range.create("-", "+")).stream()
            .skip(before).filter(entry -> "urban1".equals(entry.getBody().get("actor"))).toList();
        assertThat(reads).anySatisfy(entry -> assertThat(entry.getBody()).containsEntry("action", "ticket.read")
            .containsEntry("resourceId", id).containsEntry("personalData", "true"));
        assertThat(reads).anySatisfy(entry -> assertThat(entry.getBody()).containsEntry("action", "inbox.read")
            .containsEntry("personalData", "true").hasEntrySatisfying("detail", detail -> assertThat(detail).contains(id)));
        assertThat(reads).allSatisfy(entry -> assertThat(entry.getBody().values()).noneMatch(value -> value.contains("13800138012")));
    }

    @Test
    void aConfidentialCallerStaysMaskedForTheHandlingDepartment() {
        JsonObject created = server.ok("/api/v1/appeals", null, appeal("13800138013", "保密诉求").put("confidential", true));
        String id = server.get("/api/v1/tickets?phone=13800138013", dispatcher).bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast).filter(t -> t.getString("number").equals(created.getString("ticketNumber")))
            .findFirst().orElseThrow().getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));

        JsonObject seen = server.get("/api/v1/tickets/" + id, urban).bodyAsJsonObject();

        assertThat(seen.getJsonObject("caller").getString("phone")).isEqualTo("138****8013");
        assertThat(seen.getJsonObject("caller").getString("name")).isEqualTo("张**");
        assertThat(seen.encode()).doesNotContain("13800138013");
    }

    @Test
    void numbersTypedIntoTheTextAreMaskedForWhoeverMayNotSeeTheCaller() {
        JsonObject created = server.ok("/api/v1/appeals", null,
            appeal("13800138020", "请回电13912345678或0371-65432100").put("confidential", true));
        String id = server.get("/api/v1/tickets?phone=13800138020", dispatcher).bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast).filter(t -> t.getString("number").equals(created.getString("ticketNumber")))
            .findFirst().orElseThrow().getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));

        JsonObject seenByUnit = server.get("/api/v1/tickets/" + id, urban).bodyAsJsonObject();
        JsonObject openTicket = server.get("/api/v1/tickets/" + assigned("13800138021", "请回电13912345678", "urban"), urban).bodyAsJsonObject();

        assertThat(seenByUnit.getString("title")).isEqualTo("请回电139****5678或0371-****2100");
        assertThat(seenByUnit.encode()).doesNotContain("13912345678").doesNotContain("65432100").doesNotContain("13800138020");
        assertThat(openTicket.getString("title")).isEqualTo("请回电13912345678");
    }
}
