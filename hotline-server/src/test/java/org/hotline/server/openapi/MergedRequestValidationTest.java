package org.hotline.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.core.api.ApiRoutes;
import org.hotline.core.api.OpenApiFragments;
import org.hotline.core.api.Problems;
import org.hotline.core.api.RequestValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Once the server validates requests against the merged document, the modules' routes receive only
 * what passed their fragment's schemas. Requests their own integration tests send must still pass;
 * what the code refuses anyway is refused the same way (400 problem). Only the check runs here: a
 * request that passes it reaches a handler answering 204.
 */
@Timeout(60)
class MergedRequestValidationTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        RequestValidation validation = new RequestValidation(
                OpenApiFragments.fromClasspath(ApiRoutes.OPENAPI_RESOURCE, MergedOpenApiDocumentTest.FRAGMENTS));
        Router router = Problems.install(Router.router(vertx));
        router.route("/api/v1/*").handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT));
        router.route("/api/v1/*").handler(validation.handler(false));
        router.route("/api/v1/*").handler(ctx -> ctx.response().setStatusCode(204).end());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static int send(String method, String path, JsonObject body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aRoutingRuleAsAdministratorsSendItPasses() throws Exception {
        JsonObject rule = new JsonObject().put("id", "noise-yuelu").put("version", 2).put("categoryPrefix", "0202")
                .put("district", "岳麓区").put("street", null).put("lead", "environment").put("level", "CITY")
                .put("functional", false).put("effectiveFrom", "2026-01-01T00:00:00Z");

        assertThat(send("PUT", "/api/v1/admin/dispatch/rules", rule)).isEqualTo(204);
        assertThat(send("PUT", "/api/v1/admin/dispatch/rules", rule.copy().put("level", "PROVINCE"))).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/admin/dispatch/rules", rule.copy().put("functional", "yes"))).isEqualTo(400);
    }

    @Test
    void duplicateQueriesPassAndAFieldOfAnotherTypeIsRefusedAsTheCodeRefusesIt() throws Exception {
        JsonObject query = new JsonObject().put("phone", "13800138000").put("title", "路灯不亮").put("content", "晚上很黑")
                .put("location", new JsonObject().put("district", "东城区").put("address", "建设路 12 号"));

        assertThat(send("POST", "/api/v1/dispatch/duplicates", query)).isEqualTo(204);
        assertThat(send("POST", "/api/v1/dispatch/duplicates", new JsonObject())).isEqualTo(204);
        assertThat(send("POST", "/api/v1/dispatch/duplicates", query.copy().put("title", 5))).isEqualTo(400);
    }

    @Test
    void knowledgeArticlesAreBoundStrictlyAsTheCodeBindsThem() throws Exception {
        JsonObject article = new JsonObject().put("title", "燃气费缴纳渠道").put("content", "燃气费可通过燃气公司营业厅缴纳。")
                .put("categoryCode", "110300").put("tags", new JsonArray().add("燃气").add("缴费"));

        assertThat(send("POST", "/api/v1/knowledge", article)).isEqualTo(204);
        assertThat(send("PUT", "/api/v1/knowledge/k-1", article.copy().put("revision", 1))).isEqualTo(204);
        assertThat(send("POST", "/api/v1/knowledge", article.copy().put("surprise", 1))).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/knowledge/k-1", article.copy().put("revision", 0))).isEqualTo(400);
    }

    @Test
    void linkageRequestsAsTheirTestsSendThemPass() throws Exception {
        JsonObject list = new JsonObject().put("version", 3).put("effectiveFrom", "2026-11-22T00:00:00Z")
                .put("items", new JsonArray().add(new JsonObject().put("code", "T110-77").put("description", "高空抛物")
                        .put("examples", new JsonArray().add("楼上扔花盆")).put("keywords", new JsonArray().add("高空抛物"))
                        .put("urgency", "EMERGENCY")));

        assertThat(send("POST", "/api/v1/linkage/110/lists/to-110", list)).isEqualTo(204);
        assertThat(send("POST", "/api/v1/linkage/110/transfers",
                new JsonObject().put("ticketId", "t-1").put("title", "刚被人抢了包").put("content", "抢劫者往东跑了"))).isEqualTo(204);
        assertThat(send("POST", "/api/v1/linkage/110/check", new JsonObject().put("title", "楼上高空抛物砸到人"))).isEqualTo(204);
        assertThat(send("POST", "/api/v1/linkage/110/calls/call-7/outcome", new JsonObject())).isEqualTo(204);
        assertThat(send("POST", "/api/v1/linkage/110/transfers/tr-1/updates", new JsonObject().put("type", "RESULT")
                .put("result", new JsonObject().put("outcome", "已处置").put("text", "民警到场")))).isEqualTo(204);
        assertThat(send("POST", "/api/v1/linkage/110/transfers/tr-1/updates", new JsonObject().put("type", "DONE"))).isEqualTo(400);
    }

    @Test
    void searchAndReportParametersPassWithinTheLimitsTheCodeApplies() throws Exception {
        assertThat(send("GET", "/api/v1/search/tickets?q=%E8%B7%AF%E7%81%AF&size=20&overdue=true&from=2026-11-01&sort=newest", null))
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/search/similar?text=x&size=500", null)).isEqualTo(204);
        assertThat(send("GET", "/api/v1/reports/departments?format=csv", null)).isEqualTo(204);
        assertThat(send("GET", "/api/v1/knowledge?category=1004&size=10", null)).isEqualTo(204);
        assertThat(send("GET", "/api/v1/search/tickets?size=101", null)).isEqualTo(400);
        assertThat(send("GET", "/api/v1/reports/departments?format=pdf", null)).isEqualTo(400);
        assertThat(send("GET", "/api/v1/knowledge?category=abc", null)).isEqualTo(400);
    }
}
