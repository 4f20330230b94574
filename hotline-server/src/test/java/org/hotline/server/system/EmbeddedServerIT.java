package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one-command start: no server installed beforehand, a real Redis started by the server itself. */
@Timeout(180)
class EmbeddedServerIT {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HotlineServer.Running start() throws Exception {
        return HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1")));
    }

    private JsonObject health(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    @Test
    void startsOnEmbeddedDefaultsAndReportsEachDependencyInHealth() throws Exception {
        HotlineServer.Running server = start();
        try {
            JsonObject health = health(server.httpPort());

            assertThat(health.getBoolean("ready")).isTrue();
            assertThat(health.getJsonArray("dependencies").stream().map(d -> ((JsonObject) d).getString("name")))
                    .contains("redis", "telephony");
            JsonObject redis = health.getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("name").equals("redis")).findFirst().orElseThrow();
            assertThat(redis.getString("status")).isEqualTo("UP");
            assertThat(dataDir.resolve("redis/appendonlydir")).isDirectory();
            // the bundled calendar has no official data for the next year: from 1 November /health says so
            JsonObject calendar = health.getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("name").equals("calendar")).findFirst().orElseThrow();
            assertThat(calendar.getBoolean("required")).isFalse();
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            if (today.getYear() == 2026 && today.getMonthValue() >= 11) {
                assertThat(calendar.getString("status")).isEqualTo("DOWN");
                assertThat(calendar.getString("detail")).contains("缺少2027年节假日数据");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aSecondStartReusesTheDataOfTheFirst() throws Exception {
        HotlineServer.Running first = start();
        String uri = first.embeddedRedis().uri();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("it:survives-restart", "工单仍在");
        } finally {
            client.shutdown();
        }
        first.stop();
        assertThat(first.embeddedRedis().dir().resolve("redis.pid")).doesNotExist();

        HotlineServer.Running second = start();
        RedisClient again = RedisClient.create(second.embeddedRedis().uri());
        try (StatefulRedisConnection<String, String> connection = again.connect()) {
            assertThat(connection.sync().get("it:survives-restart")).isEqualTo("工单仍在");
        } finally {
            again.shutdown();
            second.stop();
        }
    }

    @Test
    void exposesPrometheusMetricsOfHttpAndTheJvm() throws Exception {
        HotlineServer.Running server = start();
        try {
            health(server.httpPort());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("vertx_http_server_requests_total", "jvm_memory_used_bytes");
        } finally {
            server.stop();
        }
    }
}
