package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 110 linkage inside the assembled server, with the 110 platform unreachable (its outage must
 * not touch intake): a web appeal describing a crime in progress is accepted, the citizen is told to
 * call 110, and a transfer to 110 waits in the durable outbox; an ordinary appeal gets neither.
 */
@Timeout(300)
class Linkage110ServerIT {

    @TempDir
    static Path dataDir;
    static HotlineServer.Running server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_LINK110_URL", "http://127.0.0.1:9/", "HOTLINE_LINK110_SECRET", "shared-secret-for-tests-0123")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
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

    private static JsonObject appeal(String title, String content, String phone) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/appeals", null, new JsonObject().put("title", title)
                .put("content", content).put("appealType", "REPORT").put("phone", phone).put("name", "钱七")
                .put("district", "南关区").put("address", "长江路12号"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body());
    }

    @Test
    void aWebAppealAboutACrimeInProgressTellsTheCitizenToCall110AndQueuesATransfer() throws Exception {
        JsonObject receipt = appeal("有人正在撬我家门", "小偷还在楼道里，我一个人在家很害怕", "13600001111");

        assertThat(receipt.getString("advice")).contains("110");
        String supervisor = new JsonObject(send("POST", "/api/v1/auth/token", null,
                new JsonObject().put("username", "supervisor").put("password", "supervisor12345")).body()).getString("token");
        List<Object> transfers = List.of();
        for (int attempt = 0; attempt < 60 && transfers.isEmpty(); attempt++) {
            transfers = new JsonObject(send("GET", "/api/v1/linkage/110/transfers", supervisor, null).body())
                    .getJsonArray("items", new JsonArray()).stream()
                    .filter(t -> receipt.getString("ticketNumber").equals(((JsonObject) t).getString("sourceRef"))).toList();
            if (transfers.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertThat(transfers).as("one transfer for this appeal's ticket").hasSize(1);
    }

    @Test
    void anOrdinaryAppealGetsNoAdvice() throws Exception {
        JsonObject receipt = appeal("小区路灯不亮", "南关区长江路12号小区门口的路灯坏了一周", "13600002222");

        assertThat(receipt.containsKey("advice")).isFalse();
    }

    private static String login(String user) throws Exception {
        return new JsonObject(send("POST", "/api/v1/auth/token", null, new JsonObject().put("username", user)
                .put("password", user + "12345")).body()).getString("token");
    }

    /** An update as the 110 platform signs it (docs/linkage-110.md). */
    private static HttpResponse<String> peerUpdate(String transferId, String type, JsonObject result) throws Exception {
        String path = "/linkage/v1/orders/" + transferId + "/updates";
        JsonObject update = new JsonObject().put("schema", "linkage-update.v1").put("transferId", transferId)
                .put("updateId", java.util.UUID.randomUUID().toString()).put("type", type)
                .put("at", java.time.Instant.now().toString());
        if (result != null) {
            update.put("result", result);
        }
        byte[] body = update.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long now = java.time.Instant.now().getEpochSecond();
        String nonce = java.util.UUID.randomUUID().toString();
        String signature = new org.hotline.linkage110.exchange.RequestSignature("shared-secret-for-tests-0123")
                .sign("POST", path, now, nonce, body);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Content-Type", "application/json").header("X-Linkage-Party", "110")
                .header("X-Linkage-Timestamp", Long.toString(now)).header("X-Linkage-Nonce", nonce)
                .header("X-Linkage-Signature", signature).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTransferIsOnlyForAnExistingTicketIsPushedOnceAndEachStepIsAnEventOnTheTicket() throws Exception {
        String agent = login("agent");
        String supervisor = login("supervisor");
        JsonObject filed = new JsonObject(send("POST", "/api/v1/tickets", agent, new JsonObject()
                .put("title", "楼下有人持刀打架").put("content", "南关区长江路12号楼下有人持刀打架").put("channel", "PHONE")
                .put("appealType", "HELP").put("phone", "13600003333").put("name", "孙八")).body());
        String ticketId = filed.getString("id");
        JsonObject request = new JsonObject().put("ticketId", ticketId).put("itemCode", "T110-02").put("title", "楼下有人持刀打架");

        HttpResponse<String> unknown = send("POST", "/api/v1/linkage/110/transfers", agent,
                request.copy().put("ticketId", "no-such-ticket"));
        HttpResponse<String> first = send("POST", "/api/v1/linkage/110/transfers", agent, request);
        HttpResponse<String> again = send("POST", "/api/v1/linkage/110/transfers", agent, request);

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("code")).isEqualTo("linkage110.ticket-not-found");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String transferId = new JsonObject(first.body()).getString("id");
        assertThat(new JsonObject(again.body()).getString("id")).as("one push per ticket").isEqualTo(transferId);
        assertThat(new JsonObject(first.body()).getString("sourceRef")).as("the ticket's own number, not the request's").isEqualTo(filed.getString("number"));

        assertThat(peerUpdate(transferId, "ACKNOWLEDGED", null).statusCode()).isEqualTo(202);
        assertThat(peerUpdate(transferId, "RESULT", new JsonObject().put("outcome", "HANDLED").put("text", "已出警，双方已带回派出所")
                .put("handledBy", "南关分局")).statusCode()).isEqualTo(202);

        JsonObject history = new JsonObject(send("GET", "/api/v1/tickets/" + ticketId + "/events", supervisor, null).body());
        String events = history.encode();
        assertThat(events).contains("PoliceLinkageRecorded").contains("TRANSFERRED").contains("ACKNOWLEDGED")
                .contains("RESULTED").contains("已出警，双方已带回派出所").contains(transferId);
        JsonObject ticket = new JsonObject(send("GET", "/api/v1/tickets/" + ticketId, supervisor, null).body());
        assertThat(ticket.getJsonArray("tags").getList()).contains("110移交");
    }
}
