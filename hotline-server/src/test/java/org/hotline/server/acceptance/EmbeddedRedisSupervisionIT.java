package org.hotline.server.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hotline.server.cluster.ServerNode;
import org.hotline.testsupport.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded default survives its own Redis (issue 15, point 4), checked on the packaged jar run as
 * users run it, from outside: HTTP, the Redis pid file, the process table.
 */
@Timeout(600)
class EmbeddedRedisSupervisionIT {

    private static final Path LOGS = Path.of("target", "acceptance");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledEmbeddedRedisComesBackOnItsDataAndAKilledServerLeavesNoRedisBehind() throws Exception {
        Path data = LOGS.resolve("embedded-data").toAbsolutePath();
        deleteTree(data);
        Files.deleteIfExists(LOGS.resolve("embedded.log")); // the log is read for this run's lines only
        ServerNode server = new ServerNode("embedded", Map.of("HOTLINE_DATA_DIR", data.toString(), "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_HTTP_PORT", String.valueOf(FreePort.pick())), LOGS);
        server.start(Duration.ofMinutes(3));
        try {
            JsonObject before = fileAppeal(server, "before-redis-kill");
            ProcessHandle firstRedis = redisProcess(data);
            firstRedis.destroyForcibly();
            firstRedis.onExit().get(30, TimeUnit.SECONDS);

            long killed = System.nanoTime();
            JsonObject after = fileAppeal(server, "after-redis-kill");
            System.out.printf("embedded redis killed: intake worked again after %.1f s%n", (System.nanoTime() - killed) / 1e9);

            JsonObject redis = redisHealth(server);
            assertThat(redis.getString("status")).isEqualTo("UP");
            assertThat(redis.getString("detail")).contains("embedded").contains("restarted 1 time(s)");
            assertThat(server.logText()).contains("embedded redis exited while the server runs").contains("embedded redis restarted");
            assertThat(progress(server, before)).as("the ticket stored before the kill, read from the same AOF").isEqualTo(200);

            ProcessHandle secondRedis = redisProcess(data);
            assertThat(secondRedis.pid()).isNotEqualTo(firstRedis.pid());
            server.killJvmOnly();
            secondRedis.onExit().get(60, TimeUnit.SECONDS);
            assertThat(secondRedis.isAlive()).as("the embedded Redis of a JVM killed with SIGKILL").isFalse();

            server.start(Duration.ofMinutes(3));
            assertThat(progress(server, before)).as("first ticket after the next start").isEqualTo(200);
            assertThat(progress(server, after)).as("second ticket after the next start").isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    /** Files one web appeal, again with the same idempotency key while the server answers 503, until it is stored. */
    static JsonObject fileAppeal(ServerNode server, String key) throws Exception {
        JsonObject appeal = new JsonObject().put("title", "人民路路灯不亮").put("content", "人民路12号门前路灯连续三晚不亮，夜间行人看不清路。")
                .put("appealType", "COMPLAINT").put("phone", "13900001234").put("name", "市民甲").put("district", "东城区")
                .put("address", "人民路12号").put("idempotencyKey", key);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/appeals")))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(appeal.encode())));
            if (response != null && response.statusCode() == 201) {
                return new JsonObject(response.body());
            }
            assertThat(response == null || response.statusCode() == 503).as("only 'not now' while Redis is away: " + describe(response))
                    .isTrue();
            assertThat(System.nanoTime()).as("appeal stored within 2 minutes; last answer " + describe(response)).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200); // a citizen's client retrying
        }
    }

    private static int progress(ServerNode server, JsonObject filed) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/appeals/"
                + filed.getString("ticketNumber") + "?queryCode=" + filed.getString("queryCode")))).GET());
        return response == null ? -1 : response.statusCode();
    }

    private static JsonObject redisHealth(ServerNode server) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/health"))).GET());
        assertThat(response).isNotNull();
        return new JsonObject(response.body()).getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("name").equals("redis")).findFirst().orElseThrow();
    }

    private static ProcessHandle redisProcess(Path data) throws Exception {
        long pid = Long.parseLong(Files.readString(data.resolve("redis/redis.pid")).strip());
        ProcessHandle redis = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        assertThat(redis.info().command().orElse("")).contains("redis-server");
        return redis;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String describe(HttpResponse<String> response) {
        return response == null ? "no answer" : response.statusCode() + " " + response.body();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
