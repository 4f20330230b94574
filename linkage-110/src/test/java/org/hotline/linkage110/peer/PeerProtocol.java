package org.hotline.linkage110.peer;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/** The exchange endpoints as the 110 platform serves them, with the misbehaviours the tests ask for. */
final class PeerProtocol {

    private final Vertx vertx;
    private final PeerState state;
    private final PeerOutbound outbound;

    PeerProtocol(Vertx vertx, PeerState state, PeerOutbound outbound) {
        this.vertx = vertx;
        this.state = state;
        this.outbound = outbound;
    }

    void order(RoutingContext ctx) {
        misbehaveOr(ctx, () -> {
            String key = admitted(ctx);
            if (key == null) {
                return;
            }
            JsonObject order = ctx.body().asJsonObject();
            boolean first = state.orders.putIfAbsent(key, order) == null;
            receipt(ctx, order.getString("transferId"));
            if (first) {
                outbound.followUp(order, "REJECT".equals(state.mode));
            }
        });
    }

    void update(RoutingContext ctx) {
        misbehaveOr(ctx, () -> {
            String key = admitted(ctx);
            if (key == null) {
                return;
            }
            JsonObject update = ctx.body().asJsonObject();
            state.updates.putIfAbsent(key, update);
            receipt(ctx, update.getString("transferId"));
        });
    }

    private void misbehaveOr(RoutingContext ctx, Runnable normal) {
        state.hits.incrementAndGet();
        switch (state.mode) {
            case "GARBAGE" -> ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html")
                    .end("<html><body>502 Bad Gateway</body></html>");
            case "DELAY" -> {
                int epoch = state.epoch.get();
                vertx.setTimer(state.delayMs, id -> {
                    if (epoch == state.epoch.get()) {
                        normal.run();
                    } else {
                        ctx.response().setStatusCode(503).end();
                    }
                });
            }
            default -> normal.run();
        }
    }

    /** Verifies signature, window and nonce; returns the idempotency key, or null after refusing. */
    private String admitted(RoutingContext ctx) {
        var h = ctx.request().headers();
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Integer refusal = state.signing.verify(h.get("X-Linkage-Party"), ctx.request().method().name(),
                ctx.request().path(), h.get("X-Linkage-Timestamp"), h.get("X-Linkage-Nonce"), body,
                h.get("X-Linkage-Signature"));
        String key = h.get("Idempotency-Key");
        if (refusal == null && key == null) {
            refusal = 400;
        }
        if (refusal != null) {
            ctx.response().setStatusCode(refusal).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", refusal).put("title", "refused").encode());
            return null;
        }
        state.deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return key;
    }

    private static void receipt(RoutingContext ctx, String transferId) {
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("schema", "linkage-receipt.v1").put("received", true)
                        .put("transferId", transferId).encode());
    }
}
