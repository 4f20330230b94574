package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.smsc.TestSmsc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMS inside the assembled server, bound to the test SMS center process: a phoned-in ticket's
 * receipt reaches the caller, the reply accepted by the center brings the survey, the citizen's
 * answer becomes the ticket's return visit; administrators edit templates through /api/sms. No quiet
 * hours here (start = end) so the test does not depend on the hour it runs.
 */
@Timeout(300)
class SmsServerIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static TestSmsc smsc;
    static HotlineServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        smsc = TestSmsc.start(FreePort.pick(), "srv-pw8");
        server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_SMPP_HOST", "127.0.0.1", "HOTLINE_SMPP_PORT", String.valueOf(smsc.port()),
                "HOTLINE_SMPP_PASSWORD", "srv-pw8", "HOTLINE_SMPP_QUIET_START", "00:00", "HOTLINE_SMPP_QUIET_END", "00:00",
                "HOTLINE_SMPP_SURVEY_DELAY_MINUTES", "0", "HOTLINE_SMPP_PROGRESS_URL", "https://12345.example.gov.cn/q?n={number}")));
        smsc.awaitLine(l -> l.startsWith("BOUND hotline"), WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void aPhonedInTicketGetsItsReceiptAndAnSmsVisitRecordsTheCitizensAnswer() throws Exception {
        String agent = token("agent");
        String dispatcher = token("dispatcher");
        String urban = token("urban");
        JsonObject ticket = call("POST", "/api/v1/tickets", agent, new JsonObject().put("channel", "PHONE").put("title", "人民路占道经营")
                .put("content", "晚上有商贩占道经营").put("appealType", "COMPLAINT").put("phone", "13912340001").put("name", "张三丰"), 201);
        String id = ticket.getString("id");
        String number = ticket.getString("number");

        String receipt = smsc.awaitMessage("13912340001", t -> t.contains(number), WAIT);
        assertThat(receipt).contains("已受理").contains("https://12345.example.gov.cn/q?n=" + number);

        act(id, "classify", agent, new JsonObject().put("categoryCode", "010201"));
        act(id, "assign", dispatcher, new JsonObject().put("lead", "urban"));
        act(id, "sign", urban, new JsonObject());
        act(id, "contact", urban, new JsonObject().put("note", "已联系市民"));
        act(id, "reply", urban, new JsonObject().put("text", "已清理占道摊点").put("result", "RESOLVED"));
        act(id, "accept-reply", dispatcher, new JsonObject());
        smsc.awaitMessage("13912340001", t -> t.contains("回访") && t.contains(number), WAIT);
        smsc.citizenSends("13912340001", "21");

        JsonObject visited = awaitVisit(id, agent);
        assertThat(visited.getString("status")).isEqualTo("REVISITED");
        assertThat(visited.getJsonObject("visit").getString("satisfaction")).isEqualTo("BASICALLY_SATISFIED");
        String events = send("GET", "/api/v1/tickets/" + id + "/events", agent, null).body();
        assertThat(events).contains("MessageRecorded").contains("ReturnVisitRecorded").contains("system:sms-survey");
    }

    @Test
    void administratorsEditTemplatesAndATypoInAPlaceholderIsRefusedInChinese() throws Exception {
        String admin = token("admin");

        HttpResponse<String> typo = send("PUT", "/api/sms/templates/receipt", admin, new JsonObject().put("text", "工单{numbr}已受理"));
        call("PUT", "/api/sms/templates/survey-thanks", admin, new JsonObject().put("text", "【12345】谢谢您对{number}的评价"), 200);
        HttpResponse<String> byAgent = send("GET", "/api/sms/templates", token("agent"), null);
        JsonObject listed = call("GET", "/api/sms/templates", token("supervisor"), null, 200);
        HttpResponse<String> bySupervisor = send("PUT", "/api/sms/templates/receipt", token("supervisor"),
                new JsonObject().put("text", "工单{number}已受理"));

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("不支持占位符{numbr}");
        assertThat(byAgent.statusCode()).isEqualTo(403);
        assertThat(bySupervisor.statusCode()).isEqualTo(403);
        assertThat(listed.getJsonArray("templates").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("purpose").equals("survey-thanks")).findFirst().orElseThrow().getBoolean("custom")).isTrue();
    }

    private static JsonObject awaitVisit(String id, String agent) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject ticket = call("GET", "/api/v1/tickets/" + id, agent, null, 200);
            if (ticket.getValue("visit") instanceof JsonObject) {
                return ticket;
            }
            assertThat(System.nanoTime()).as("no visit on %s", id).isLessThan(deadline);
            // the answer comes from another process; the server offers nothing to wait on but the ticket itself
            Thread.sleep(200);
        }
    }

    private static void act(String id, String action, String token, JsonObject body) throws Exception {
        call("POST", "/api/v1/tickets/" + id + "/" + action, token, body, 200);
    }

    private static String token(String user) throws Exception {
        return call("POST", "/api/v1/auth/token", null, new JsonObject().put("username", user).put("password", user + "12345"), 200)
                .getString("token");
    }

    private static JsonObject call(String method, String path, String token, JsonObject body, int status) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return new JsonObject(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
