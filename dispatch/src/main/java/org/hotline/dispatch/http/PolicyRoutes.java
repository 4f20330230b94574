package org.hotline.dispatch.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;

/**
 * The auto-assign policy (stable interface): {@code GET /api/v1/dispatch/policy} answers exactly what
 * auto-dispatch applies ({@code autoAssignConfidence}, the default threshold, and {@code categories}, the
 * per-category overrides); administrators replace it with {@code PUT}.
 */
public final class PolicyRoutes {

    public static final String POLICY = "/api/v1/dispatch/policy";

    private final RedisAutoAssignPolicy policies;
    private final Handler<RoutingContext> authentication;
    private final Clock clock;

    public PolicyRoutes(RedisAutoAssignPolicy policies, Handler<RoutingContext> authentication, Clock clock) {
        this.policies = policies;
        this.authentication = authentication;
        this.clock = clock;
    }

    public Router mount(Router router) {
        router.get(POLICY).handler(authentication)
                .handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN))
                .handler(ctx -> policies.current().onSuccess(p -> send(ctx, p.toJson())).onFailure(ctx::fail))
                .failureHandler(Problems.failureHandler());
        router.put(POLICY).handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT)).handler(authentication)
                .handler(Authenticated.require(Role.ADMIN)).handler(this::put).failureHandler(Problems.failureHandler());
        return router;
    }

    private void put(RoutingContext ctx) {
        JsonObject body;
        AutoAssignPolicy policy;
        try {
            try {
                body = ctx.body().asJsonObject();
            } catch (io.vertx.core.json.DecodeException notJson) {
                body = null;
            }
            if (body == null) {
                throw new IllegalArgumentException("请求体应为 JSON 对象，包含 autoAssignConfidence 和 categories");
            }
            policy = AutoAssignPolicy.fromJson(body.copy().put("updatedBy", null).put("updatedAt", null));
        } catch (RuntimeException invalid) {
            throw HotlineException.invalid("dispatch.policy-invalid", "自动派单策略无效：" + invalid.getMessage());
        }
        policies.put(policy.storedBy(Authenticated.actor(ctx).userId(), clock.instant()))
                .onSuccess(stored -> send(ctx, stored.toJson())).onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
