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
 * A category an administrator adds in the assembled server reaches dispatch: its keywords suggest
 * it before any history is learned, a seed routing rule routes it to its usual department, and
 * once retired it is no longer suggested.
 */
@Timeout(300)
class CatalogAdminServerIT {

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

    private static HttpResponse<String> send(String method, String path, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofMinutes(1)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode())).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, String password) throws Exception {
        return new JsonObject(send("POST", "/api/v1/auth/token", null,
                new JsonObject().put("username", user).put("password", password)).body()).getString("token");
    }

    private static void created(String admin, JsonObject category) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/admin/categories", admin, category);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<String> suggestedCodes(String dispatcher) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/classify?limit=3", dispatcher, new JsonObject()
                .put("title", "无人机扰民").put("content", "楼顶每天都有人放无人机航拍，嗡嗡响到半夜。"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getJsonArray("suggestions").stream()
                .map(s -> ((JsonObject) s).getString("category")).toList();
    }

    @Test
    void anAdministratorsCategoryIsSuggestedAndRoutedByDispatchUntilItIsRetired() throws Exception {
        String admin = token("admin", ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
        String dispatcher = token("dispatcher", "dispatcher12345");
        created(admin, new JsonObject().put("code", "990000").put("name", "低空飞行").put("departments", new JsonArray().add("transport")));
        created(admin, new JsonObject().put("code", "990100").put("name", "无人机管理"));
        created(admin, new JsonObject().put("code", "990101").put("name", "无人机扰民")
                .put("keywords", new JsonArray().add("无人机").add("航拍")));

        assertThat(suggestedCodes(dispatcher)).first().isEqualTo("990101");
        String rules = send("GET", "/api/v1/admin/dispatch/rules", admin, null).body();
        assertThat(rules).contains("seed-990101", "transport");

        HttpResponse<String> retired = send("POST", "/api/v1/admin/categories/990101/retire", admin, null);

        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(suggestedCodes(dispatcher)).doesNotContain("990101");
    }
}
