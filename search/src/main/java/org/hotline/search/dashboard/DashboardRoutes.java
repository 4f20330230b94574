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

/**
 * The supervisor dashboard: the page at {@code /dashboard/} (static files and ECharts from its
 * WebJar, nothing from the internet), its numbers at {@code /api/v1/dashboard/summary}, and a
 * server-sent event stream at {@code /api/v1/dashboard/stream} that pushes the node's
 * {@link DashboardFeed} events: fresh numbers whenever the indexer has indexed changes (at most once
 * per {@code THROTTLE_MS}) and every {@code TICK_MS}, computed once for every connected dashboard.
 */
public final class DashboardRoutes {

    public static final long THROTTLE_MS = 1000;
    public static final long TICK_MS = 10_000;
    private static final Role[] READERS = {Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN};
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0";

    private final Vertx vertx;
    private final DashboardSummary summary;
    private final DashboardFeed feed;

    public DashboardRoutes(Vertx vertx, DashboardSummary summary, DashboardFeed feed) {
        this.vertx = vertx;
        this.summary = summary;
        this.feed = feed;
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
        MessageConsumer<String> consumer = vertx.eventBus().localConsumer(DashboardFeed.ADDRESS, m -> write(response, m.body()));
        long keepAlive = vertx.setPeriodic(15_000, id -> write(response, ": keep-alive\n\n"));
        response.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(keepAlive);
            feed.unsubscribe();
        });
        feed.subscribe().onSuccess(event -> write(response, event));
    }

    private static void write(HttpServerResponse response, String event) {
        if (!response.closed()) {
            response.write(event);
        }
    }
}
