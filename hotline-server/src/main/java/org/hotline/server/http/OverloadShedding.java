package org.hotline.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hotline.core.api.Problems;
import org.hotline.server.config.HotlineConfig;

/**
 * Early shedding far above capacity: each route class has a bound on requests in flight; a request over
 * it is answered at once with 503, {@code Retry-After} and a Chinese problem, before it parses a body or
 * touches Redis, instead of queueing until every request times out. Nothing was done for a shed request,
 * so an appeal shed here can be sent again with the same idempotency key. A request leaves its class when
 * its response head is written (so a server-sent event stream holds no slot while it streams) or when
 * the connection ends. Health, metrics, the console's static files are never bounded here.
 */
public final class OverloadShedding implements Handler<RoutingContext> {

    /** Seconds a shed client is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 1;

    /** Route classes with their own bound: one flood (say, of appeals) does not starve staff's work. */
    public enum RouteClass {
        /** Citizens' intake: POST /api/v1/appeals, POST /open311/... */
        INTAKE,
        /** Search, reports, dashboard summaries: the expensive reads. */
        QUERIES,
        /** Every other API call (staff actions, telephony, 110 linkage). */
        API
    }

    private final Map<RouteClass, Integer> limits = new EnumMap<>(RouteClass.class);
    private final Map<RouteClass, AtomicInteger> inFlight = new EnumMap<>(RouteClass.class);
    private final Map<RouteClass, LongAdder> shed = new EnumMap<>(RouteClass.class);

    public OverloadShedding(HotlineConfig.InFlight bounds) {
        limits.put(RouteClass.INTAKE, bounds.intake());
        limits.put(RouteClass.QUERIES, bounds.queries());
        limits.put(RouteClass.API, bounds.api());
        for (RouteClass routeClass : RouteClass.values()) {
            inFlight.put(routeClass, new AtomicInteger());
            shed.put(routeClass, new LongAdder());
        }
    }

    /** The class of a request, or null when it is not bounded. */
    public static RouteClass classify(HttpMethod method, String path) {
        if (path == null) {
            return null;
        }
        if (method == HttpMethod.POST && (path.equals("/api/v1/appeals") || path.startsWith("/open311/"))) {
            return RouteClass.INTAKE;
        }
        if (path.startsWith("/api/v1/search") || path.startsWith("/api/v1/reports") || path.startsWith("/api/v1/dashboard/")) {
            return RouteClass.QUERIES;
        }
        if (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/linkage/")) {
            return RouteClass.API;
        }
        return null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RouteClass routeClass = classify(ctx.request().method(), ctx.normalizedPath());
        if (routeClass == null) {
            ctx.next();
            return;
        }
        AtomicInteger counter = inFlight.get(routeClass);
        if (counter.incrementAndGet() > limits.get(routeClass)) {
            counter.decrementAndGet();
            shed.get(routeClass).increment();
            refuse(ctx, routeClass);
            return;
        }
        AtomicBoolean left = new AtomicBoolean();
        Handler<Void> leave = v -> {
            if (left.compareAndSet(false, true)) {
                counter.decrementAndGet();
            }
        };
        ctx.addHeadersEndHandler(leave);
        ctx.addEndHandler(done -> leave.handle(null));
        ctx.next();
    }

    /** Requests of a class in flight now (for metrics and tests). */
    public int inFlight(RouteClass routeClass) {
        return inFlight.get(routeClass).get();
    }

    /** Requests of a class refused since the start. */
    public long shed(RouteClass routeClass) {
        return shed.get(routeClass).sum();
    }

    private static void refuse(RoutingContext ctx, RouteClass routeClass) {
        String detail = routeClass == RouteClass.INTAKE
                ? "当前来电和诉求较多，本次诉求尚未登记，请 " + RETRY_AFTER_SECONDS + " 秒后重新提交（使用同一幂等键不会重复登记）"
                : "当前访问量过大，本次请求未被处理，请 " + RETRY_AFTER_SECONDS + " 秒后重试";
        JsonObject problem = new JsonObject().put("type", "urn:hotline:problem:server.overloaded").put("title", "服务繁忙")
                .put("status", 503).put("detail", detail).put("code", "server.overloaded");
        ctx.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader("Content-Type", Problems.CONTENT_TYPE).putHeader("Cache-Control", "no-store")
                .end(problem.encode());
    }
}
