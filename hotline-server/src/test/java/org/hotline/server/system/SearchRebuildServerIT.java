package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.core.stream.RedisKeys;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' way back after losing the search index, over HTTP against the assembled server with
 * its embedded Redis and embedded Lucene index: tickets filed and found, the ticket event stream trimmed
 * (as it is an hour later in production), the server stopped and its index directory deleted, a fresh
 * node on the same Redis finds nothing until an administrator's rebuild through
 * {@code /api/v1/admin/search/rebuild} brings them back from the ticket hashes.
 */
@Timeout(300)
class SearchRebuildServerIT {

    private static final String WORD = "萤火虫广场";
    private static final String LOCK = "hotline:search:rebuild:lock";

    @TempDir
    Path dataDir;
    HotlineServer.Running server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void startServer() throws IOException {
        server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1")));
    }

    private HttpResponse<String> send(String method, String path, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofMinutes(1)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode())).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String user, String password) throws Exception {
        return new JsonObject(send("POST", "/api/v1/auth/token", null,
                new JsonObject().put("username", user).put("password", password)).body()).getString("token");
    }

    private void file(String agent, String title, String phone) throws Exception {
        HttpResponse<String> filed = send("POST", "/api/v1/tickets", agent, new JsonObject().put("channel", "PHONE")
                .put("title", title).put("content", WORD + "的喷泉连续三天漏水，路面结冰，行人容易滑倒，请尽快维修。")
                .put("appealType", "COMPLAINT").put("phone", phone).put("name", "赵六"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    }

    private long found(String supervisor) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/search/tickets?q="
                + URLEncoder.encode(WORD, StandardCharsets.UTF_8), supervisor, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getLong("total");
    }

    /** The indexer and the rebuild both run in the background: polled until the expected count, or the last count seen. */
    private long awaitFound(String supervisor, long expected) throws Exception {
        long total = found(supervisor);
        for (int attempt = 0; attempt < 120 && total != expected; attempt++) {
            Thread.sleep(500);
            total = found(supervisor);
        }
        return total;
    }

    private JsonObject awaitFinished(String admin, String id) throws Exception {
        JsonObject job = new JsonObject(send("GET", "/api/v1/admin/search/rebuild/" + id, admin, null).body());
        for (int attempt = 0; attempt < 240 && "running".equals(job.getString("status")); attempt++) {
            Thread.sleep(500);
            job = new JsonObject(send("GET", "/api/v1/admin/search/rebuild/" + id, admin, null).body());
        }
        return job;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aRebuildByAnAdministratorFindsTicketsAgainAfterTheIndexDirectoryWasLost() throws Exception {
        startServer();
        String agent = token("agent", "agent12345");
        file(agent, "广场喷泉漏水", "13800001111");
        file(agent, "喷泉漏水路面结冰", "13800002222");
        assertThat(awaitFound(token("supervisor", "supervisor12345"), 2)).isEqualTo(2);
        // what production's trimming does once every group acknowledged (ADR 0005): the stream no longer holds them
        trimTicketEvents();
        server.stop();
        server = null;
        deleteTree(dataDir.resolve("search"));

        startServer();
        String supervisor = token("supervisor", "supervisor12345");
        String admin = token("admin", ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
        assertThat(found(supervisor)).as("a fresh index on the same Redis").isZero();

        HttpResponse<String> started = send("POST", "/api/v1/admin/search/rebuild", admin, null);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = new JsonObject(started.body()).getString("id");
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/admin/search/rebuild/" + id);
        JsonObject finished = awaitFinished(admin, id);
        assertThat(finished.getString("status")).as(finished.encode()).isEqualTo("done");
        assertThat(finished.getLong("tickets")).isGreaterThanOrEqualTo(2);
        assertThat(finished.getString("requestedBy")).isEqualTo("admin");
        assertThat(new JsonObject(send("GET", "/api/v1/admin/search/rebuild", admin, null).body()).getString("id")).isEqualTo(id);
        assertThat(found(supervisor)).isEqualTo(2);
        assertThat(auditedStarts()).contains(id);
    }

    @Test
    void aSecondStartWhileARebuildRunsAnywhereInTheClusterIsRefusedWithAConflict() throws Exception {
        startServer();
        String admin = token("admin", ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
        RedisClient client = RedisClient.create(server.embeddedRedis().uri());
        try (var redis = client.connect()) {
            // another node's rebuild holds the cluster lock
            redis.sync().set(LOCK, "another-node-job", SetArgs.Builder.px(Duration.ofMinutes(1).toMillis()));

            HttpResponse<String> refused = send("POST", "/api/v1/admin/search/rebuild", admin, null);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(new JsonObject(refused.body()).getString("detail")).contains("正在进行");
            assertThat(redis.sync().get(LOCK)).isEqualTo("another-node-job");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anAgentMayNeitherStartNorReadARebuild() throws Exception {
        startServer();
        String agent = token("agent", "agent12345");

        assertThat(send("POST", "/api/v1/admin/search/rebuild", agent, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/search/rebuild", agent, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/admin/search/rebuild", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownRebuildIsNotFoundInChinese() throws Exception {
        startServer();
        String admin = token("admin", ConfigLoader.EMBEDDED_ADMIN_PASSWORD);

        HttpResponse<String> missing = send("GET", "/api/v1/admin/search/rebuild/no-such-job", admin, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("detail")).contains("没有找到");
    }

    private void trimTicketEvents() {
        RedisClient client = RedisClient.create(server.embeddedRedis().uri());
        try (var redis = client.connect()) {
            redis.sync().xtrim(RedisKeys.TICKET_EVENTS, 0);
        } finally {
            client.shutdown();
        }
    }

    /** Ids of the search.rebuild entries in the audit stream. */
    private String auditedStarts() {
        RedisClient client = RedisClient.create(server.embeddedRedis().uri());
        try (var redis = client.connect()) {
            return redis.sync().xrange("hotline:stream:audit", Range.create("-", "+")).stream()
                    .filter(m -> "search.rebuild".equals(m.getBody().get("action")))
                    .map(m -> m.getBody().get("resourceId")).toList().toString();
        } finally {
            client.shutdown();
        }
    }
}
