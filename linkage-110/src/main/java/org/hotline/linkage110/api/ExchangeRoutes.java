package org.hotline.linkage110.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.exchange.LinkageOrder;
import org.hotline.linkage110.exchange.LinkageUpdate;
import org.hotline.linkage110.exchange.RequestSignature;

/**
 * The routes the 110 platform calls (docs/linkage-110-openapi.yaml). No user login here: every
 * request must carry the exchange signature, and each message applies once per idempotency key.
 */
public final class ExchangeRoutes {

    static final int BODY_LIMIT = 256 * 1024;

    private ExchangeRoutes() {
    }

    public static Router mount(Router router, Linkage110 linkage) {
        var problems = Problems.failureHandler();
        router.post("/linkage/v1/orders").handler(Problems.bodyHandler(BODY_LIMIT))
                .handler(linkage.guard())
                .handler(ctx -> answer(ctx, linkage, () -> linkage.incoming().receive(LinkageOrder.fromJson(json(ctx)))))
                .failureHandler(problems);
        router.post("/linkage/v1/orders/:transferId/updates").handler(Problems.bodyHandler(BODY_LIMIT))
                .handler(linkage.guard())
                .handler(ctx -> answer(ctx, linkage, () -> update(ctx, linkage)))
                .failureHandler(problems);
        return router;
    }

    private static Future<JsonObject> update(RoutingContext ctx, Linkage110 linkage) {
        LinkageUpdate update = LinkageUpdate.fromJson(json(ctx));
        if (!update.transferId().equals(ctx.pathParam("transferId"))) {
            throw HotlineException.invalid("linkage110.transfer-mismatch", "路径与请求体中的transferId不一致");
        }
        return linkage.outgoing().applyPeerUpdate(update);
    }

    private static void answer(RoutingContext ctx, Linkage110 linkage,
                               java.util.function.Supplier<Future<JsonObject>> work) {
        String key = ctx.request().getHeader(RequestSignature.IDEMPOTENCY_KEY);
        linkage.receipts().once(linkage.config().peerParty(), key, () -> Future.<Void>succeededFuture()
                        .compose(v -> work.get()))
                .onSuccess(receipt -> ctx.response().setStatusCode(202)
                        .putHeader("Content-Type", "application/json; charset=utf-8").end(receipt.encode()))
                .onFailure(ctx::fail);
    }

    static JsonObject json(RoutingContext ctx) {
        return JsonBodies.object(ctx);
    }
}
