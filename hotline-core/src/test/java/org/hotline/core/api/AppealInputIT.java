package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every bad input of the public intake, over real HTTP against real Redis. */
@Timeout(120)
class AppealInputIT {

    private static ApiTestServer server;
    private static String agent;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(5, config -> config.withIntakeLimits(10_000, 3));
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject appeal(String phone) {
        return TicketFlowsIT.appeal(phone, "输入检查");
    }

    private static JsonArray history(String phone) {
        return server.get("/api/v1/tickets?phone=" + phone, agent).bodyAsJsonObject().getJsonArray("items");
    }

    @Test
    void htmlAndScriptInTextAreStoredAndAnsweredAsPlainText() {
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)>路灯不亮";
        server.ok("/api/v1/appeals", null, appeal("13700137001").put("title", "<b>路灯</b>").put("content", markup));

        HttpResponse<Buffer> read = server.get("/api/v1/tickets?phone=13700137001", agent);

        assertThat(read.getHeader("Content-Type")).startsWith("application/json");
        assertThat(read.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonObject ticket = read.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
        assertThat(ticket.getString("content")).isEqualTo(markup);
        assertThat(ticket.getString("title")).isEqualTo("<b>路灯</b>");
    }

    @Test
    void oversizedFieldsAndBodiesAreRefused() {
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137002").put("title", "长".repeat(201))),
            400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137002").put("content", "长".repeat(4001))),
            400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137002").put("content", "x".repeat(70_000))),
            413, "request.too-large");
        assertThat(history("13700137002")).isEmpty();
    }

    @Test
    void wrongTypesUnknownFieldsAndBadValuesAreRefused() {
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137003").put("appealType", 5)), 400, "request.wrong-type");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137003").put("appealType", "BRIBE")), 400, "request.wrong-type");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137003").put("confidential", "yes")), 400, "request.wrong-type");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137003").put("status", "CLOSED")), 400, "request.unknown-field");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("12345")), 400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137003").put("title", "  ")), 400, "request.invalid-field");
        assertThat(history("13700137003")).isEmpty();
    }

    @Test
    void malformedJsonAndInvalidUtf8AreRefused() {
        AuthAndProblemsIT.assertProblem(server.send(HttpMethod.POST, "/api/v1/appeals", null, Buffer.buffer("{\"title\": \"x\",")),
            400, "request.malformed-json");
        Buffer latin1 = Buffer.buffer(appeal("13700137004").encode().replace("张三丰", "\u0000MARK").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = latin1.getBytes();
        int mark = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\u0000MARK");
        Buffer invalid = Buffer.buffer().appendBytes(bytes, 0, mark).appendBytes(new byte[] {(byte) 0xE5, (byte) 0x28, (byte) 0xA1})
            .appendBytes(bytes, mark + 5, bytes.length - mark - 5);
        AuthAndProblemsIT.assertProblem(server.send(HttpMethod.POST, "/api/v1/appeals", null, invalid), 400, "request.invalid-utf8");
        assertThat(history("13700137004")).isEmpty();
    }

    @Test
    void replayedSubmissionsAnswerTheFirstTicket() {
        JsonObject keyed = appeal("13700137005").put("idempotencyKey", "form-7f3a");
        JsonObject first = server.ok("/api/v1/appeals", null, keyed);
        JsonObject again = server.ok("/api/v1/appeals", null, keyed);
        JsonObject plain = appeal("13700137006");
        JsonObject once = server.ok("/api/v1/appeals", null, plain);
        JsonObject twice = server.ok("/api/v1/appeals", null, plain);

        assertThat(again).isEqualTo(first);
        assertThat(twice).isEqualTo(once);
        assertThat(history("13700137005")).hasSize(1);
        assertThat(history("13700137006")).hasSize(1);
    }

    @Test
    void floodingFromOnePhoneIsA429() {
        for (int i = 0; i < 3; i++) {
            server.ok("/api/v1/appeals", null, appeal("13700137007").put("content", "第" + i + "次反映"));
        }

        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, appeal("13700137007").put("content", "第4次反映")),
            429, "request.rate-limited");
        assertThat(history("13700137007")).hasSize(3);
    }
}
