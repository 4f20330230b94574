package org.hotline.search.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.search.index.StreamIndexer;

/**
 * The supervisor dashboard: the page at {@code /dashboard/} (static files and ECharts from its
 * WebJar, nothing from the internet), its numbers at {@code /api/v1/dashboard/summary}, and a
 * server-sent event stream at {@code /api/v1/dashboard/stream} that pushes fresh numbers whenever
 * the indexer has indexed changes (at most once per {@code THROTTLE_MS}).
 */
public final class DashboardRoutes {

    static final long THROTTLE_MS = 1000;
    private static final Role[] READERS = {Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN};
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0";

    private final Vertx vertx;
    private final DashboardSummary summary;

    public DashboardRoutes(Vertx vertx, DashboardSummary summary) {
        this.vertx = vertx;
        this.summary = summary;
    }

    public Router mount(Router router) {
        router.route("/api/v1/dashboard/*").failureHandler(Problems.failureHandler());
        router.get("/api/v1/dashboard/summary").handler(Authenticated.require(READERS)).handler(this::summary);
        router.get("/api/v1/dashboard/stream").handler(Authenticated.require(READERS)).handler(this::stream);
        router.get("/dashboard/echarts/*").handler(StaticHandler.create(ECHARTS).setCachingEnabled(true));
        router.get("/dashboard/*").handler(StaticHandler.create("webroot/dashboard").setIndexPage("index.html"));
        return router;
    }

    private void summary(RoutingContext ctx) {
        summary.compute().onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(json.encode())).onFailure(ctx::fail);
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        var pushes = new Throttle(vertx, THROTTLE_MS, () -> push(response));
        MessageConsumer<Integer> consumer = vertx.eventBus().consumer(StreamIndexer.INDEXED_ADDRESS, m -> pushes.request());
        long keepAlive = vertx.setPeriodic(15_000, id -> response.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(keepAlive);
            pushes.cancel();
        });
        push(response);
    }

    private void push(HttpServerResponse response) {
        if (response.closed()) {
            return;
        }
        summary.compute()
                .onSuccess(json -> response.write("event: summary\ndata: " + json.encode() + "\n\n"))
                .onFailure(e -> response.write("event: unavailable\ndata: {}\n\n"));
    }
}
