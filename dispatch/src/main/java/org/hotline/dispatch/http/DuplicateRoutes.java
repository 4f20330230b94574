package org.hotline.dispatch.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.dispatch.duplicate.DuplicateFinder;
import org.hotline.dispatch.duplicate.DuplicateQuery;

/**
 * {@code POST /api/v1/dispatch/duplicates} {"phone","title","content"[,"location":{"district",
 * "street","address"}][,"category"]} → {"candidates":[{ticketId, number, similarity, explanation,
 * basis}]}: agents' forms call it before creating a ticket. With a location, other callers' open
 * tickets about the same place and matter are candidates too (basis {@code same-place}).
 */
public final class DuplicateRoutes {

    public static final String DUPLICATES = "/api/v1/dispatch/duplicates";

    private final DuplicateFinder finder;
    private final Clock clock;
    private final Handler<RoutingContext> authentication;

    public DuplicateRoutes(DuplicateFinder finder, Clock clock, Handler<RoutingContext> authentication) {
        this.finder = finder;
        this.clock = clock;
        this.authentication = authentication;
    }

    public Router mount(Router router) {
        router.post(DUPLICATES).handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT)).handler(authentication)
                .handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN))
                .handler(this::find).failureHandler(Problems.failureHandler());
        return router;
    }

    private void find(RoutingContext ctx) {
        JsonObject body = JsonBodies.object(ctx);
        if (!strings(body, "phone", "title", "content", "category")
                || !(body.getValue("location", new JsonObject()) instanceof JsonObject location)
                || !strings(location, "district", "street", "address")) {
            throw HotlineException.invalid("duplicates.bad-body",
                    "请求体应为 JSON 对象：phone、title、content、category 为字符串，location 为含 district、street、address 字符串的对象");
        }
        DuplicateQuery query = new DuplicateQuery(body.getString("phone"), body.getString("title"),
                body.getString("content"), location.getString("district"), location.getString("street"),
                location.getString("address"), body.getString("category"));
        finder.find(query, clock.instant())
                .onSuccess(found -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(new JsonObject().put("candidates", new JsonArray(
                                found.stream().map(c -> (Object) c.toJson()).toList())).encode()))
                .onFailure(ctx::fail);
    }

    private static boolean strings(JsonObject json, String... fields) {
        for (String field : fields) {
            if (!(json.getValue(field, "") instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
