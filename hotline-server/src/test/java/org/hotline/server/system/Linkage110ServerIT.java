package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
        JsonArray transfers = new JsonArray();
        for (int attempt = 0; attempt < 60 && transfers.isEmpty(); attempt++) {
            transfers = new JsonObject(send("GET", "/api/v1/linkage/110/transfers", supervisor, null).body())
                    .getJsonArray("items", new JsonArray());
            if (transfers.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertThat(transfers).hasSize(1);
        assertThat(transfers.getJsonObject(0).encode()).contains(receipt.getString("ticketNumber"));
    }

    @Test
    void anOrdinaryAppealGetsNoAdvice() throws Exception {
        JsonObject receipt = appeal("小区路灯不亮", "南关区长江路12号小区门口的路灯坏了一周", "13600002222");

        assertThat(receipt.containsKey("advice")).isFalse();
    }
}
