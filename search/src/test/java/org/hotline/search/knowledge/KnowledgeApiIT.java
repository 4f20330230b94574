package org.hotline.search.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Actor;
import org.hotline.core.audit.AuditLog;
import org.hotline.search.SearchConfig;
import org.hotline.search.SearchModule;
import org.hotline.search.TicketSnapshot;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base over HTTP, as the server mounts it (through {@link SearchModule#mount}), on a
 * real Redis. A test handler stands in for the service API's token check (actor from a header).
 */
class KnowledgeApiIT {

    static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");

    @TempDir
    Path dir;

    Vertx vertx;
    RedisClient redis;
    StatefulRedisConnection<String, String> connection;
    SearchModule module;
    WebClient client;
    int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        redis = RedisClient.create(RealRedis.shared().uri());
        connection = redis.connect();
        wipe(connection);
        module = await(SearchModule.open(vertx, SearchConfig.defaults(dir.resolve("index")), TicketSnapshot.SEGMENTER,
                Set::of, d -> d, Clock.fixed(NOW, ZoneId.of("UTC"))));
        await(module.knowledge(connection));
        Router router = Problems.install(Router.router(vertx));
        router.route("/api/v1/*").handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT)).handler(ctx -> {
            String role = ctx.request().getHeader("X-Test-Actor");
            if (role != null) {
                Authenticated.set(ctx, switch (role) {
                    case "agent" -> Actor.agent("u1", "坐席一");
                    case "supervisor" -> Actor.supervisor("u2", "王班长");
                    default -> Actor.department("u3", role, "单位用户");
                });
            }
            ctx.next();
        });
        module.mount(router, new AuditLog(vertx, connection.async(), Clock.systemUTC()));
        port = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
        client = WebClient.create(vertx);
    }

    static void wipe(StatefulRedisConnection<String, String> connection) {
        connection.sync().del(KnowledgeStore.ARTICLES, KnowledgeStore.VERSION, KnowledgeStore.SEQ, KnowledgeStore.SEEDED);
    }

    @AfterEach
    void stop() {
        await(module.close());
        await(vertx.close());
        connection.close();
        redis.shutdown();
    }

    @Test
    void theSeedAnswersCallersQuestionsAsTheyAskThem() {
        assertThat(first("公积金怎么提取")).isEqualTo("KB-S13");
        assertThat(first("单位不给交社保怎么办")).isEqualTo("KB-S16");
        assertThat(first("老板拖欠工资不给")).isEqualTo("KB-S18");
        assertThat(first("身份证丢了怎么补办")).isEqualTo("KB-S20");
        assertThat(first("孩子刚出生怎么上户口")).isEqualTo("KB-S19");
        assertThat(first("窗口让我开证明")).isEqualTo("KB-S05");
        JsonObject all = search("agent", "");
        assertThat(all.getLong("total")).isEqualTo(22);
        assertThat(all.getJsonArray("hits")).hasSize(10);
        JsonObject hit = search("agent", "q=" + encode("养老保险交满多少年")).getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getString("id")).isEqualTo("KB-S15");
        assertThat(hit.getString("snippet")).contains("十五年");
        assertThat(hit.getString("categoryCode")).isEqualTo("050201");
    }

    @Test
    void aCategoryCoversItsSubcategoriesAndTagsFilterExactly() {
        assertThat(ids(search("DEPT-1", "category=100400"))).containsExactlyInAnyOrder("KB-S13", "KB-S14");
        assertThat(ids(search("agent", "category=050000&q=" + encode("投诉")))).containsExactlyInAnyOrder("KB-S16", "KB-S18");
        assertThat(ids(search("agent", "tag=" + encode("户籍")))).containsExactlyInAnyOrder("KB-S19", "KB-S20");
    }

    @Test
    void aSupervisorWritesArticlesThatAreSearchableAtOnce() {
        var body = new JsonObject().put("title", "燃气费缴纳渠道").put("content", "燃气费可通过燃气公司营业厅、微信和银行代扣缴纳。")
                .put("categoryCode", "110300").put("tags", new JsonArray().add("燃气").add("缴费"));
        var created = call(HttpMethod.POST, "supervisor", "/api/v1/knowledge", body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject article = created.bodyAsJsonObject();
        String id = article.getString("id");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/knowledge/" + id);
        assertThat(article.getString("author")).isEqualTo("王班长");
        assertThat(article.getLong("revision")).isEqualTo(1);
        assertThat(first("燃气费在哪交")).isEqualTo(id);

        var updated = call(HttpMethod.PUT, "supervisor", "/api/v1/knowledge/" + id,
                body.copy().put("content", "燃气费可通过燃气公司营业厅、支付宝生活缴费缴纳。").put("revision", 1));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.bodyAsJsonObject().getLong("revision")).isEqualTo(2);
        assertThat(get("agent", "/api/v1/knowledge/" + id).bodyAsJsonObject().getString("content")).contains("支付宝");
        assertThat(first("支付宝交燃气费")).isEqualTo(id);

        var stale = call(HttpMethod.PUT, "supervisor", "/api/v1/knowledge/" + id, body.copy().put("revision", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.getHeader("Content-Type")).startsWith("application/problem+json");

        assertThat(call(HttpMethod.DELETE, "supervisor", "/api/v1/knowledge/" + id, null).statusCode()).isEqualTo(204);
        assertThat(get("agent", "/api/v1/knowledge/" + id).statusCode()).isEqualTo(404);
        assertThat(ids(search("agent", "q=" + encode("支付宝交燃气费")))).doesNotContain(id);
        assertThat(connection.sync().hexists(KnowledgeStore.ARTICLES, id)).isFalse();
    }

    @Test
    void onlySupervisorsAndAdministratorsWriteAndBadInputIsAProblemInChinese() {
        var body = new JsonObject().put("title", "标题").put("content", "正文");
        assertThat(call(HttpMethod.POST, "agent", "/api/v1/knowledge", body).statusCode()).isEqualTo(403);
        assertThat(call(HttpMethod.DELETE, "DEPT-1", "/api/v1/knowledge/KB-S01", null).statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/v1/knowledge").statusCode()).isEqualTo(401);

        var noTitle = call(HttpMethod.POST, "supervisor", "/api/v1/knowledge", new JsonObject().put("content", "正文"));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(noTitle.bodyAsJsonObject().getString("detail")).contains("标题");
        assertThat(call(HttpMethod.POST, "supervisor", "/api/v1/knowledge", body.copy().put("categoryCode", "abc")).statusCode()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "supervisor", "/api/v1/knowledge", body.copy().put("surprise", 1)).statusCode()).isEqualTo(400);
        assertThat(call(HttpMethod.PUT, "supervisor", "/api/v1/knowledge/KB-NONE", body).statusCode()).isEqualTo(404);
        assertThat(get("agent", "/api/v1/knowledge?size=500").statusCode()).isEqualTo(400);
    }

    private String first(String question) {
        var hits = search("agent", "q=" + encode(question)).getJsonArray("hits");
        assertThat(hits).as(question).isNotEmpty();
        return hits.getJsonObject(0).getString("id");
    }

    private JsonObject search(String actor, String query) {
        var response = get(actor, "/api/v1/knowledge?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("id")).toList();
    }

    private HttpResponse<Buffer> get(String actor, String uri) {
        return call(HttpMethod.GET, actor, uri, null);
    }

    private HttpResponse<Buffer> call(HttpMethod method, String actor, String uri, JsonObject body) {
        var request = client.request(method, port, "127.0.0.1", uri);
        if (actor != null) {
            request.putHeader("X-Test-Actor", actor);
        }
        return await(body == null ? request.send() : request.sendJsonObject(body));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed: " + e, e);
        }
    }
}
