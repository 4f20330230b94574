package org.hotline.server.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /health}: liveness (the process answers) and readiness (every required dependency
 * answers), with each dependency's state. 200 when ready, 503 when not, so a load balancer can use
 * it directly. {@code /health/live} and {@code /health/ready} answer the two questions alone.
 */
public final class HealthRoutes {

    private static final long CHECK_TIMEOUT_MS = 2_000;

    private final Vertx vertx;
    private final List<DependencyCheck> checks;

    public HealthRoutes(Vertx vertx, List<DependencyCheck> checks) {
        this.vertx = vertx;
        this.checks = List.copyOf(checks);
    }

    public void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/health/ready").handler(this::health);
        router.get("/health/live").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("live", true).encode()));
    }

    private void health(RoutingContext ctx) {
        List<Future<JsonObject>> results = checks.stream().map(this::run).toList();
        Future.join(results).onComplete(done -> {
            JsonArray dependencies = new JsonArray();
            boolean ready = true;
            for (int i = 0; i < checks.size(); i++) {
                JsonObject result = results.get(i).result();
                dependencies.add(result);
                ready &= !checks.get(i).required() || "UP".equals(result.getString("status"));
            }
            JsonObject body = new JsonObject().put("status", ready ? "UP" : "DOWN").put("live", true)
                    .put("ready", ready).put("dependencies", dependencies);
            ctx.response().setStatusCode(ready ? 200 : 503).putHeader("content-type", "application/json")
                    .putHeader("cache-control", "no-store").end(body.encode());
        });
    }

    /** Always completes successfully with a status object, so one slow dependency never hides the others. */
    private Future<JsonObject> run(DependencyCheck check) {
        JsonObject base = new JsonObject().put("name", check.name()).put("required", check.required());
        return check.check()
                .timeout(CHECK_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                .map(detail -> base.copy().put("status", detail.startsWith("disabled") ? "DISABLED" : "UP").put("detail", detail))
                .otherwise(failure -> base.copy().put("status", "DOWN").put("detail", describe(failure)));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + CHECK_TIMEOUT_MS + " ms";
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
