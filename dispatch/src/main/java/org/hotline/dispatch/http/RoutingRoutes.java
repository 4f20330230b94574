package org.hotline.dispatch.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.dispatch.routing.DispatcherQueue;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.hotline.dispatch.routing.RoutingRule;

/**
 * Administrators edit the dispatch catalog's rules (each PUT stores a new version with its own
 * effective dates); dispatchers read their queue with the suggestions and explanations.
 */
public final class RoutingRoutes {

    public static final String RULES = "/api/v1/admin/dispatch/rules";
    public static final String QUEUE = "/api/v1/dispatch/queue";

    private final RedisRoutingRules rules;
    private final DispatcherQueue queue;
    private final Handler<RoutingContext> authentication;

    public RoutingRoutes(RedisRoutingRules rules, DispatcherQueue queue, Handler<RoutingContext> authentication) {
        this.rules = rules;
        this.queue = queue;
        this.authentication = authentication;
    }

    public Router mount(Router router) {
        router.get(RULES).handler(authentication).handler(Authenticated.require(Role.ADMIN, Role.SUPERVISOR, Role.DISPATCHER))
                .handler(this::listRules).failureHandler(Problems.failureHandler());
        router.put(RULES).handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT)).handler(authentication)
                .handler(Authenticated.require(Role.ADMIN)).handler(this::putRule).failureHandler(Problems.failureHandler());
        router.get(QUEUE).handler(authentication).handler(Authenticated.require(Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN))
                .handler(this::listQueue).failureHandler(Problems.failureHandler());
        return router;
    }

    private void listRules(RoutingContext ctx) {
        rules.all().onSuccess(all -> {
            JsonArray out = new JsonArray();
            all.forEach(rule -> out.add(RedisRoutingRules.toJson(rule)));
            send(ctx, new JsonObject().put("rules", out));
        }).onFailure(ctx::fail);
    }

    private void putRule(RoutingContext ctx) {
        JsonObject body = JsonBodies.object(ctx);
        RoutingRule rule;
        try {
            rule = RedisRoutingRules.fromJson(body);
        } catch (RuntimeException invalid) {
            throw HotlineException.invalid("dispatch.rule-invalid", "派单规则无效：" + invalid.getMessage());
        }
        rules.put(rule).onSuccess(v -> send(ctx, RedisRoutingRules.toJson(rule))).onFailure(ctx::fail);
    }

    private void listQueue(RoutingContext ctx) {
        queue.oldest(100).onSuccess(items -> send(ctx, new JsonObject().put("items", new JsonArray(
                items.stream().map(i -> (Object) i).toList())))).onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
