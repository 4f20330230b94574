package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.RealAsterisk;
import org.hotline.testsupport.ShippedAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server against a real Asterisk 22 running the project's dialplan: a citizen's
 * {@code Local/} call is queued, the logged-in agent answers, and the agent's screen pop arrives with
 * the caller's earlier ticket from the ticket store.
 */
@Timeout(400)
class TelephonyServerIT {

    private static final String CALLER = "13912345678";

    @TempDir
    static Path dataDir;
    static RealAsterisk asterisk;
    static HotlineServer.Running server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        int agiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            agiPort = socket.getLocalPort();
        }
        asterisk = RealAsterisk.start(Path.of("..", "docker", "asterisk"), ShippedAsterisk.substitutions(agiPort));
        asterisk.cli("core waitfullybooted");
        server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_AMI_HOST", asterisk.amiHost(), "HOTLINE_AMI_PORT", Integer.toString(asterisk.amiPort()),
                "HOTLINE_AMI_USERNAME", asterisk.amiUser(), "HOTLINE_AMI_SECRET", asterisk.amiSecret(),
                "HOTLINE_AGI_PORT", Integer.toString(agiPort),
                "HOTLINE_RECORDINGS_DIR", asterisk.instanceDir().resolve("spool/monitor").toString(),
                "HOTLINE_AGENT_INTERFACE", "Local/{agent}@hotline-sim-agents/n")));
        awaitTelephonyUp();
    }

    /** The server does not hold its start for Asterisk: AMI logs in on its own, which /health reports. */
    private static void awaitTelephonyUp() throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            String health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            boolean up = new JsonObject(health).getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                    .anyMatch(d -> "telephony".equals(d.getString("name")) && "UP".equals(d.getString("status")));
            if (up) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("telephony never reported UP in /health");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (asterisk != null) {
            asterisk.stop();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.httpPort() + path;
    }

    private static HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, String password) throws Exception {
        return new JsonObject(post("/api/v1/auth/token", null, new JsonObject().put("username", user).put("password", password)).body())
                .getString("token");
    }

    /** Reads the agent's event stream until a screen pop arrives. */
    private static CompletableFuture<JsonObject> nextScreenPop(String token) throws Exception {
        return nextScreenPop(token, CALLER);
    }

    private static CompletableFuture<JsonObject> nextScreenPop(String token, String caller) throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/telephony/agents/agent/events")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:") && line.contains(caller)) {
                        return new JsonObject(line.substring(5).strip());
                    }
                }
                throw new IllegalStateException("event stream ended without a screen pop");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aCallToTheHotlinePopsTheCallersEarlierTicketsOnTheAnsweringAgentsScreen() throws Exception {
        String ticketNumber = new JsonObject(post("/api/v1/appeals", null, new JsonObject().put("title", "路灯不亮")
                .put("content", "西湖区湖滨路口的路灯已经坏了三天，晚上很黑。").put("appealType", "HELP").put("phone", CALLER)
                .put("name", "李四").put("district", "西湖区").put("address", "湖滨路口")).body()).getString("ticketNumber");
        String agentToken = token("agent", "agent12345");
        HttpResponse<String> login = post("/api/telephony/agents/agent/login", agentToken,
                new JsonObject().put("queues", new io.vertx.core.json.JsonArray().add("common")));
        assertThat(login.statusCode()).as(login.body()).isBetween(200, 204);

        CompletableFuture<JsonObject> screenPop = nextScreenPop(agentToken);
        try (PhoneNetwork phones = new PhoneNetwork(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(), asterisk.amiSecret())) {
            assertThat(phones.callHotline(CALLER, 20)).contains("Response: Success");
        }
        JsonObject pop = screenPop.get(90, TimeUnit.SECONDS);

        assertThat(pop.getString("caller")).isEqualTo(CALLER);
        assertThat(pop.getJsonArray("tickets").encode()).contains(ticketNumber);
    }

    @Test
    void aCallsRecordAndRecordingAreReadByRoleAndATicketLinkedAfterHangUpIsKeptBothWays() throws Exception {
        String caller = "13912345679";
        assertThat(post("/api/v1/appeals", null, new JsonObject().put("title", "井盖缺失")
                .put("content", "西湖区南山路有一个井盖丢失，行人很危险。").put("appealType", "HELP").put("phone", caller)
                .put("name", "王五").put("district", "西湖区").put("address", "南山路")).statusCode()).isEqualTo(201);
        String agentToken = token("agent", "agent12345");
        // another test may have logged the agent in already (a second log-in is refused): start afresh
        post("/api/telephony/agents/agent/logout", agentToken, new JsonObject());
        assertThat(post("/api/telephony/agents/agent/login", agentToken,
                new JsonObject().put("queues", new io.vertx.core.json.JsonArray().add("common"))).statusCode()).isBetween(200, 204);
        CompletableFuture<JsonObject> screenPop = nextScreenPop(agentToken, caller);
        try (PhoneNetwork phones = new PhoneNetwork(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(), asterisk.amiSecret())) {
            assertThat(phones.callHotline(caller, 20)).contains("Response: Success");
        }
        JsonObject pop = screenPop.get(90, TimeUnit.SECONDS);
        String callId = pop.getString("callId");
        String ticketId = pop.getJsonArray("tickets").getJsonObject(0).getString("id");
        HttpResponse<String> record = awaitRecord(callId, agentToken);
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        assertThat(new JsonObject(record.body()).getString("agentId")).isEqualTo("agent");

        // linked after hang-up: the call lists the ticket, the ticket lists the call
        assertThat(post("/api/telephony/calls/" + callId + "/tickets", agentToken, new JsonObject().put("ticketId", ticketId))
                .statusCode()).isEqualTo(200);
        String supervisor = token("supervisor", "supervisor12345");
        JsonObject linked = new JsonObject(send("GET", "/api/telephony/calls/" + callId, supervisor).body());
        assertThat(linked.getJsonArray("ticketIds")).contains(ticketId);
        assertThat(send("GET", "/api/v1/tickets/" + ticketId, supervisor).body()).contains(callId);

        // a ticket filed from the call (callId) after hang-up: the call lists it too
        HttpResponse<String> filed = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/tickets")))
                .header("Authorization", "Bearer " + agentToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("channel", "PHONE").put("callId", callId)
                        .put("title", "井盖缺失再次来电").put("content", "南山路的井盖还没有补上，市民再次来电反映。")
                        .put("appealType", "HELP").put("phone", caller).put("name", "王五").encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String filedId = new JsonObject(filed.body()).getString("id");
        assertThat(awaitTicketOnCall(callId, filedId, supervisor)).contains(filedId, ticketId);

        // by role: the agent's own call yes, dispatchers no, the list filtered to the agent's calls
        assertThat(send("GET", "/api/telephony/calls/" + callId, token("dispatcher", "dispatcher12345")).statusCode()).isEqualTo(403);
        JsonObject mine = new JsonObject(send("GET", "/api/telephony/calls?limit=100", agentToken).body());
        assertThat(mine.getJsonArray("calls").stream().map(JsonObject.class::cast).map(c -> c.getString("agentId")))
                .isNotEmpty().containsOnly("agent");
        assertThat(send("GET", "/api/telephony/calls/not-a-call", supervisor).statusCode()).isEqualTo(404);

        // the recording, streamed: whole file and a byte range
        HttpResponse<byte[]> whole = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/telephony/calls/" + callId + "/recording")))
                .header("Authorization", "Bearer " + supervisor).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/telephony/calls/" + callId + "/recording")))
                .header("Authorization", "Bearer " + agentToken).header("Range", "bytes=0-19").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(20).isEqualTo(java.util.Arrays.copyOf(whole.body(), 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 0-19/" + whole.body().length);
        HttpResponse<byte[]> beyond = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/telephony/calls/" + callId + "/recording")))
                .header("Authorization", "Bearer " + agentToken).header("Range", "bytes=" + whole.body().length + "-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void measuresAreForSupervisorsAsJsonOrCsvAndABadRangeIsRefusedInChinese() throws Exception {
        String supervisor = token("supervisor", "supervisor12345");

        HttpResponse<String> json = send("GET", "/api/telephony/measures?by=hour", supervisor);
        HttpResponse<String> csv = send("GET", "/api/telephony/measures?format=csv", supervisor);
        HttpResponse<String> tooLong = send("GET", "/api/telephony/measures?from=2026-01-01&to=2026-03-01", supervisor);

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(new JsonObject(json.body()).getJsonArray("rows")).isNotNull();
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("15秒接通率");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("日期范围");
        assertThat(send("GET", "/api/telephony/measures", token("agent", "agent12345")).statusCode()).isEqualTo(403);
    }

    @Test
    void aPauseReasonNotInTheSettingIsRefusedInChinese() throws Exception {
        HttpResponse<String> response = post("/api/telephony/agents/agent/pause", token("agent", "agent12345"),
                new JsonObject().put("reason", "打游戏"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("示忙原因");
    }

    /** The call's side of a link made by filing is stored from an event: poll (bounded) until it shows. */
    private static java.util.List<Object> awaitTicketOnCall(String callId, String ticketId, String token) throws Exception {
        java.util.List<Object> ids = java.util.List.of();
        for (int attempt = 0; attempt < 60 && !ids.contains(ticketId); attempt++) {
            ids = new JsonObject(send("GET", "/api/telephony/calls/" + callId, token).body()).getJsonArray("ticketIds").getList();
            if (!ids.contains(ticketId)) {
                Thread.sleep(250);
            }
        }
        return ids;
    }

    /** The record is written a second after the call ends: poll (bounded) until it is there. */
    private static HttpResponse<String> awaitRecord(String callId, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/telephony/calls/" + callId, token);
        for (int attempt = 0; attempt < 120 && response.statusCode() == 404; attempt++) {
            Thread.sleep(500);
            response = send("GET", "/api/telephony/calls/" + callId, token);
        }
        return response;
    }

    @Test
    void anAgentCannotActAsAnotherAgent() throws Exception {
        HttpResponse<String> response = post("/api/telephony/agents/someone-else/pause", token("agent", "agent12345"),
                new JsonObject().put("reason", "休息"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private static HttpResponse<String> send(String method, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void administratorsBlockAndUnblockNumbersAndNobodyElseMay() throws Exception {
        String admin = token("admin", ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
        String agent = token("agent", "agent12345");

        assertThat(send("PUT", "/api/telephony/blocked-numbers/13700009999", admin).statusCode()).isEqualTo(200);
        assertThat(new JsonObject(send("GET", "/api/telephony/blocked-numbers", admin).body()).getJsonArray("numbers"))
                .contains("13700009999");
        assertThat(send("PUT", "/api/telephony/blocked-numbers/13700009998", agent).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/telephony/blocked-numbers", agent).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = send("PUT", "/api/telephony/blocked-numbers/not-a-number", admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("电话号码格式不正确");
        assertThat(send("DELETE", "/api/telephony/blocked-numbers/13700009999", admin).statusCode()).isEqualTo(200);
        assertThat(new JsonObject(send("GET", "/api/telephony/blocked-numbers", admin).body()).getJsonArray("numbers"))
                .doesNotContain("13700009999");
    }

    @Test
    void theCallbackListIsPagedAndABadPageIsRefusedInChinese() throws Exception {
        String agent = token("agent", "agent12345");

        JsonObject page = new JsonObject(send("GET", "/api/telephony/callbacks?offset=0&limit=10", agent).body());
        HttpResponse<String> tooLarge = send("GET", "/api/telephony/callbacks?limit=100000", agent);

        assertThat(page.getInteger("limit")).isEqualTo(10);
        assertThat(page.getLong("total")).isNotNull();
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("分页参数");
    }

    @Test
    void telephonyRoutesRequireAToken() throws Exception {
        assertThat(post("/api/telephony/agents/agent/ready", null, new JsonObject()).statusCode()).isEqualTo(401);
    }
}
