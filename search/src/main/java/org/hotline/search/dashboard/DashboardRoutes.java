package org.hotline.search.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Arrays;
import java.util.List;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Department;
import org.hotline.core.model.Role;
import org.hotline.core.time.ClockName;

/**
 * The supervisor dashboard: the page at {@code /dashboard/} (static files and ECharts from its
 * WebJar, nothing from the internet), its numbers at {@code /api/v1/dashboard/summary}, and a
 * list behind each red/yellow count at {@code /api/v1/dashboard/cards}, and a
 * server-sent event stream at {@code /api/v1/dashboard/stream} that pushes the node's
 * {@link DashboardFeed} events: fresh numbers whenever the indexer has indexed changes (at most once
 * per {@code THROTTLE_MS}) and every {@code TICK_MS}, computed once for every connected dashboard.
 */
public final class DashboardRoutes {

    public static final long THROTTLE_MS = 1000;
    public static final long TICK_MS = 10_000;
    private static final Role[] READERS = {Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN};
    private static final int DEFAULT_CARD_LIST = 50;
    private static final int MAX_CARD_LIST = 100;
    /** The clocks that can decide an inbox card (the return window never does). */
    private static final List<String> CLOCKS = Arrays.stream(ClockName.values()).filter(c -> c != ClockName.RETURN_WINDOW)
            .map(ClockName::name).toList();
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
        router.get("/api/v1/dashboard/cards").handler(Authenticated.require(READERS)).handler(this::cards);
        router.get("/dashboard/echarts/*").handler(StaticHandler.create(ECHARTS).setCachingEnabled(true));
        router.get("/dashboard/*").handler(StaticHandler.create("webroot/dashboard").setIndexPage("index.html"));
        return router;
    }

    private void summary(RoutingContext ctx) {
        summary.compute().onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(json.encode())).onFailure(ctx::fail);
    }

    /** The list behind a red or yellow count: all inboxes, one department's (department=) or one clock's (clock=). */
    private void cards(RoutingContext ctx) {
        var query = ctx.queryParams();
        String colour = query.get("colour");
        if (!"red".equals(colour) && !"yellow".equals(colour)) {
            throw HotlineException.invalid("dashboard.bad-colour", "colour 应为 red（红牌）或 yellow（黄牌）");
        }
        String department = query.get("department");
        String clock = query.get("clock");
        if (department != null && clock != null) {
            throw HotlineException.invalid("dashboard.bad-scope", "department 与 clock 只能给出其一");
        }
        if (department != null && !Department.isValidId(department)) {
            throw HotlineException.invalid("dashboard.bad-department", "承办单位编码格式不正确");
        }
        if (clock != null && !CLOCKS.contains(clock)) {
            throw HotlineException.invalid("dashboard.bad-clock", "clock 应为 " + String.join("、", CLOCKS) + " 之一");
        }
        int size = size(query.get("size"));
        String scope = department != null ? "d:" + department : clock != null ? "c:" + clock : null;
        summary.cardTickets("red".equals(colour), scope, size).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private static int size(String text) {
        if (text == null) {
            return DEFAULT_CARD_LIST;
        }
        try {
            int size = Integer.parseInt(text);
            if (size >= 1 && size <= MAX_CARD_LIST) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as any size out of range
        }
        throw HotlineException.invalid("dashboard.bad-size", "size 须为 1 到 " + MAX_CARD_LIST + " 之间的整数");
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
