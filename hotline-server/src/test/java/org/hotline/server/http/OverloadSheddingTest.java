package org.hotline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.http.OverloadShedding.RouteClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shedding handler in front of a real Vert.x HTTP server whose routes answer only when the test
 * lets them, so "the class is full" is a state the test holds, not a race it hopes for.
 */
@Timeout(60)
class OverloadSheddingTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<RoutingContext> held = new LinkedBlockingQueue<>();
    private Vertx vertx;
    private OverloadShedding shedding;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        shedding = new OverloadShedding(new HotlineConfig.InFlight(1, 1, 8));
        Router router = Router.router(vertx);
        router.get("/health/live").handler(ctx -> ctx.end("{\"live\":true}"));
        router.route().handler(shedding);
        router.post("/api/v1/appeals").handler(BodyHandler.create()).handler(held::add);
        router.get("/api/v1/dashboard/stream").handler(ctx -> ctx.response().setChunked(true)
                .putHeader("content-type", "text/event-stream").write("event: summary\ndata: {}\n\n"));
        router.get("/api/v1/search/tickets").handler(ctx -> ctx.end("[]"));
        router.get("/api/v1/inbox").handler(ctx -> ctx.end("[]"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAppealOverTheIntakeBoundIsShedWith503RetryAfterAndAChineseProblemAndGoesThroughWhenRetried() throws Exception {
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(post("/api/v1/appeals", "{\"idempotencyKey\":\"a\"}"),
                HttpResponse.BodyHandlers.ofString());
        RoutingContext firstHeld = held.poll(10, TimeUnit.SECONDS);
        assertThat(firstHeld).as("the first appeal reached its handler").isNotNull();

        HttpResponse<String> shed = http.send(post("/api/v1/appeals", "{\"idempotencyKey\":\"b\"}"), HttpResponse.BodyHandlers.ofString());

        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = new JsonObject(shed.body());
        assertThat(problem.getString("code")).isEqualTo("server.overloaded");
        assertThat(problem.getString("detail")).contains("尚未登记").contains("同一幂等键");
        assertThat(held).as("the shed appeal never reached the handler that stores").isEmpty();
        assertThat(shedding.shed(RouteClass.INTAKE)).isEqualTo(1);

        vertx.runOnContext(v -> firstHeld.response().setStatusCode(201).end("{}"));
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        CompletableFuture<HttpResponse<String>> retried = http.sendAsync(post("/api/v1/appeals", "{\"idempotencyKey\":\"b\"}"),
                HttpResponse.BodyHandlers.ofString());
        RoutingContext retriedHeld = held.poll(10, TimeUnit.SECONDS);
        assertThat(retriedHeld).as("the same appeal, sent again, is admitted once the first one left").isNotNull();
        assertThat(retriedHeld.body().asJsonObject().getString("idempotencyKey")).isEqualTo("b");
        vertx.runOnContext(v -> retriedHeld.response().setStatusCode(201).end("{}"));
        assertThat(retried.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }

    @Test
    void aFullIntakeLeavesLivenessAndOtherRouteClassesServed() throws Exception {
        http.sendAsync(post("/api/v1/appeals", "{}"), HttpResponse.BodyHandlers.ofString());
        RoutingContext firstHeld = held.poll(10, TimeUnit.SECONDS);
        assertThat(firstHeld).isNotNull();

        assertThat(http.send(get("/health/live"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(get("/api/v1/inbox"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(get("/api/v1/search/tickets"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(post("/api/v1/appeals", "{}"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        vertx.runOnContext(v -> firstHeld.response().end());
    }

    @Test
    void anOpenEventStreamHoldsNoSlotOnceItsHeadIsWritten() throws Exception {
        HttpResponse<InputStream> stream = http.send(get("/api/v1/dashboard/stream"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);

        assertThat(http.send(get("/api/v1/search/tickets"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a search while a dashboard stream of the same class stays open (bound 1)").isEqualTo(200);
        assertThat(shedding.inFlight(RouteClass.QUERIES)).isZero();
        stream.body().close();
    }

    @Test
    void requestsAreClassedByWhatTheyCost() {
        assertThat(OverloadShedding.classify(HttpMethod.POST, "/api/v1/appeals")).isEqualTo(RouteClass.INTAKE);
        assertThat(OverloadShedding.classify(HttpMethod.POST, "/open311/v2/requests.json")).isEqualTo(RouteClass.INTAKE);
        assertThat(OverloadShedding.classify(HttpMethod.GET, "/api/v1/appeals/12345")).isEqualTo(RouteClass.API);
        assertThat(OverloadShedding.classify(HttpMethod.GET, "/api/v1/reports/volume")).isEqualTo(RouteClass.QUERIES);
        assertThat(OverloadShedding.classify(HttpMethod.POST, "/linkage/v1/exchange")).isEqualTo(RouteClass.API);
        assertThat(OverloadShedding.classify(HttpMethod.GET, "/health/ready")).isNull();
        assertThat(OverloadShedding.classify(HttpMethod.GET, "/console/index.html")).isNull();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }
}
