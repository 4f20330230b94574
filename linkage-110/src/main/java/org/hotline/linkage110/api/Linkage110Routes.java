package org.hotline.linkage110.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.api.Problems;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.lists.EmergencyDetector;
import org.hotline.linkage110.lists.TransferList;
import org.hotline.linkage110.transfer.Direction;
import org.hotline.linkage110.transfer.Transfer;
import org.hotline.linkage110.transfer.TransferRequest;
import org.hotline.linkage110.transfer.UpdateType;

/**
 * The console and admin API of the 110 linkage under {@code /api/v1/linkage/110}, plus the signed
 * exchange under {@code /linkage/v1}. {@code staff} and {@code admin} are the caller's
 * authentication/authorisation handlers (agents and dispatchers; administrators for list publishing).
 */
public final class Linkage110Routes {

    private static final String BASE = "/api/v1/linkage/110";

    private Linkage110Routes() {
    }

    public static Router mount(Router router, Linkage110 linkage, Handler<RoutingContext> staff,
                               Handler<RoutingContext> admin) {
        ExchangeRoutes.mount(router, linkage);
        var detector = new EmergencyDetector();
        post(router, "/check", staff).handler(ctx -> reply(ctx, 200, linkage.lists().current(Direction.TO_110)
                .map(list -> detector.check(list, json(ctx).getString("title"), json(ctx).getString("content")).toJson())));
        post(router, "/transfers", staff).handler(ctx -> reply(ctx, 201,
                linkage.outgoing().send(TransferRequest.fromJson(json(ctx))).map(Transfer::toJson)));
        get(router, "/transfers", staff).handler(ctx -> reply(ctx, 200, linkage.transfers().recent(limit(ctx))
                .map(all -> new JsonObject().put("items", new JsonArray(all.stream().map(Transfer::toJson).toList())))));
        get(router, "/transfers/:id", staff).handler(ctx -> reply(ctx, 200,
                linkage.transfers().get(ctx.pathParam("id")).map(Transfer::toJson)));
        post(router, "/transfers/:id/updates", staff).handler(ctx -> reply(ctx, 200, report(ctx, linkage)));
        get(router, "/lists/:direction", staff).handler(ctx -> reply(ctx, 200, lists(ctx, linkage)));
        post(router, "/lists/:direction", admin).handler(ctx -> reply(ctx, 201, linkage.lists()
                .publish(list(ctx)).map(TransferList::toJson)));
        get(router, "/stats", staff).handler(ctx -> reply(ctx, 200, linkage.stats().report()));
        get(router, "/dispatcher-queue", staff).handler(ctx -> reply(ctx, 200,
                entries(linkage, LinkageKeys.DISPATCHER_QUEUE, limit(ctx))));
        get(router, "/outbox/parked", admin).handler(ctx -> reply(ctx, 200,
                entries(linkage, LinkageKeys.OUTBOX_PARKED, limit(ctx))));
        post(router, "/outbox/parked/:id/retry", admin).handler(ctx -> reply(ctx, 200,
                linkage.outgoing().retryParked(ctx.pathParam("id"))));
        post(router, "/calls/:callId/transfer", staff).handler(ctx -> reply(ctx, 200,
                linkage.calls().transfer(ctx.pathParam("callId"), json(ctx).getString("agentId"))));
        post(router, "/calls/:callId/conference", staff).handler(ctx -> reply(ctx, 200,
                linkage.calls().conference(ctx.pathParam("callId"), json(ctx).getString("agentId"))));
        post(router, "/calls/:callId/outcome", staff).handler(ctx -> reply(ctx, 200, linkage.calls().outcome(
                ctx.pathParam("callId"), json(ctx).getString("acceptedBy"), json(ctx).getString("firstReceiver"))));
        get(router, "/calls/:callId", staff).handler(ctx -> reply(ctx, 200, linkage.calls().call(ctx.pathParam("callId"))));
        return router;
    }

    private static Future<JsonObject> report(RoutingContext ctx, Linkage110 linkage) {
        JsonObject body = json(ctx);
        UpdateType type = updateType(body.getString("type"));
        JsonObject result = body.getJsonObject("result", new JsonObject());
        return linkage.incoming().report(ctx.pathParam("id"), type, body.getString("reason"),
                result.getString("outcome"), result.getString("text"), result.getString("handledBy"))
                .map(Transfer::toJson);
    }

    private static TransferList list(RoutingContext ctx) {
        try {
            return TransferList.fromJson(direction(ctx), json(ctx));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException
                 | java.time.format.DateTimeParseException e) {
            throw HotlineException.invalid("linkage110.bad-list", "清单格式错误：" + e.getMessage());
        }
    }

    private static UpdateType updateType(String value) {
        try {
            return UpdateType.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("linkage110.bad-update-type", "type必须是ACKNOWLEDGED、REJECTED、IN_PROGRESS或RESULT");
        }
    }

    private static Future<JsonObject> lists(RoutingContext ctx, Linkage110 linkage) {
        Direction direction = direction(ctx);
        return linkage.lists().current(direction).compose(current -> linkage.lists().versions(direction)
                .map(all -> new JsonObject().put("current", current.toJson())
                        .put("versions", new JsonArray(all.stream().map(TransferList::toJson).toList()))));
    }

    private static Future<JsonObject> entries(Linkage110 linkage, String stream, int limit) {
        return linkage.dispatcher().latest(stream, limit).map(items -> new JsonObject().put("items", new JsonArray(items)));
    }

    private static Route post(Router router, String path, Handler<RoutingContext> auth) {
        return router.post(BASE + path).handler(Problems.bodyHandler(ExchangeRoutes.BODY_LIMIT))
                .handler(auth).failureHandler(Problems.failureHandler());
    }

    private static Route get(Router router, String path, Handler<RoutingContext> auth) {
        return router.get(BASE + path).handler(auth).failureHandler(Problems.failureHandler());
    }

    private static void reply(RoutingContext ctx, int status, Future<JsonObject> result) {
        result.onSuccess(json -> ctx.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode()))
                .onFailure(ctx::fail);
    }

    private static JsonObject json(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : ExchangeRoutes.json(ctx);
    }

    private static Direction direction(RoutingContext ctx) {
        try {
            return Direction.fromWire(ctx.pathParam("direction"));
        } catch (IllegalArgumentException e) {
            throw HotlineException.notFound("linkage110.no-such-list", "没有该方向的清单：" + ctx.pathParam("direction"));
        }
    }

    private static int limit(RoutingContext ctx) {
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(ctx.request().getParam("limit", "50"))));
        } catch (NumberFormatException e) {
            throw HotlineException.invalid("linkage110.bad-limit", "limit必须是数字");
        }
    }
}
