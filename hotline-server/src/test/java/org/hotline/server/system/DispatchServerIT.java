package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dispatch inside the assembled server: labelled history imported over the stable import
 * interface trains the classifier; a clear web appeal is then classified and assigned to the right
 * department with deadlines, with no human, while a vague one waits in the dispatcher queue.
 */
@Timeout(400)
class DispatchServerIT {

    @TempDir
    static Path dataDir;
    static HotlineServer.Running server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofMinutes(3)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user) throws Exception {
        return new JsonObject(send("POST", "/api/v1/auth/token", null, "application/json",
                new JsonObject().put("username", user).put("password", user + "12345").encode()).body()).getString("token");
    }

    private static JsonObject appeal(String title, String content, String phone) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/appeals", null, "application/json", new JsonObject()
                .put("title", title).put("content", content).put("appealType", "COMPLAINT").put("phone", phone)
                .put("name", "王五").put("district", "东城区").put("address", "人民路").encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body());
    }

    /** The citizen's own progress view, polled until the ticket reaches {@code status} (automatic dispatch is asynchronous). */
    private static JsonObject awaitStatus(JsonObject receipt, String status) throws Exception {
        JsonObject view = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            view = new JsonObject(send("GET", "/api/v1/appeals/" + receipt.getString("ticketNumber") + "?queryCode="
                    + receipt.getString("queryCode"), null, "application/json", null).body());
            if (status.equals(view.getString("status"))) {
                return view;
            }
            Thread.sleep(500);
        }
        return view;
    }

    @Test
    void importedHistoryTrainsTheClassifierAndAClearAppealIsAssignedWithoutAHuman() throws Exception {
        String history = HistorySeed.importBody();
        HttpResponse<String> imported = send("POST", "/api/v1/admin/history/import", token("admin"), "application/x-ndjson", history);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject counts = new JsonObject(imported.body());
        assertThat(counts.getJsonArray("rejected")).isEmpty();
        // the evaluation set repeats a few texts word for word: the import counts them once
        assertThat(counts.getInteger("imported") + counts.getInteger("duplicates", 0)).isEqualTo(770);
        assertThat(counts.getBoolean("trained")).isTrue();

        JsonObject clear = appeal("小区旁边工厂排放废气", "东城区人民路的化工厂每天晚上排放刺鼻的废气，空气里都是臭味，"
                + "附近居民晚上都不敢开窗，老人孩子咳嗽不止，请环保部门尽快查处。", "13700001111");
        JsonObject progress = awaitStatus(clear, "ASSIGNED");

        assertThat(progress.getString("status")).isEqualTo("ASSIGNED");
        assertThat(progress.getString("department")).isEqualTo("environment");
        JsonObject ticket = new JsonObject(send("GET", "/api/v1/tickets?phone=13700001111", token("supervisor"),
                "application/json", null).body()).getJsonArray("items").getJsonObject(0);
        assertThat(ticket.getJsonObject("category").getString("code")).startsWith("02");
        assertThat(ticket.getJsonObject("clocks").encode()).contains("HANDLE");
    }

    @Test
    void aVagueAppealWaitsInTheDispatcherQueueWithSuggestions() throws Exception {
        appeal("咨询一下", "你好，我想问一下这个事情应该找谁，谢谢。", "13700002222");
        String dispatcher = token("dispatcher");
        String ticketId = new JsonObject(send("GET", "/api/v1/tickets?phone=13700002222", dispatcher, "application/json", null)
                .body()).getJsonArray("items").getJsonObject(0).getString("id");

        JsonObject queued = null;
        for (int attempt = 0; attempt < 60 && queued == null; attempt++) {
            JsonArray items = new JsonObject(send("GET", "/api/v1/dispatch/queue", dispatcher, "application/json", null).body())
                    .getJsonArray("items");
            queued = items.stream().map(JsonObject.class::cast).filter(item -> ticketId.equals(item.getString("ticketId"))).findFirst().orElse(null);
            if (queued == null) {
                Thread.sleep(500);
            }
        }

        assertThat(queued).as("the vague appeal in the dispatcher queue").isNotNull();
        assertThat(queued.getJsonArray("suggestions")).isNotEmpty();
        assertThat(queued.getString("explanation")).isNotBlank();
    }
}
