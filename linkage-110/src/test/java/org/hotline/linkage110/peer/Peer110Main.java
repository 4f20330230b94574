package org.hotline.linkage110.peer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A stand-in for the 110 platform, run as its own JVM by the tests. It serves the documented
 * exchange on one port and a control API on another: {@code POST /admin/mode} switches between
 * NORMAL, DOWN (the exchange port is closed), GARBAGE (200 with an HTML page), DELAY (answers late)
 * and REJECT (refuses every order with a reason). Prints {@code PEER110 READY <port> <adminPort>}.
 */
public final class Peer110Main {

    private final Vertx vertx;
    private final PeerState state;
    private final PeerOutbound outbound;
    private HttpServer exchange;
    private int exchangePort;

    private Peer110Main(Vertx vertx, String secret) {
        this.vertx = vertx;
        this.state = new PeerState(new PeerSigning(secret));
        this.outbound = new PeerOutbound(vertx, state);
    }

    public static void main(String[] args) {
        String secret = System.getenv("PEER110_SECRET");
        Vertx vertx = Vertx.vertx();
        var peer = new Peer110Main(vertx, secret);
        peer.listenExchange(0)
                .compose(port -> vertx.createHttpServer().requestHandler(peer.adminRouter()).listen(0, "127.0.0.1"))
                .onSuccess(admin -> System.out.println("PEER110 READY " + peer.exchangePort + " " + admin.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(2);
                });
    }

    private Future<Integer> listenExchange(int port) {
        var protocol = new PeerProtocol(vertx, state, outbound);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/linkage/v1/orders").handler(protocol::order);
        router.post("/linkage/v1/orders/:id/updates").handler(protocol::update);
        return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").map(server -> {
            exchange = server;
            exchangePort = server.actualPort();
            return exchangePort;
        });
    }

    private Router adminRouter() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/admin/mode").handler(this::mode);
        router.post("/admin/hotline").handler(ctx -> {
            state.hotlineUrl = ctx.body().asJsonObject().getString("url");
            ok(ctx, new JsonObject());
        });
        router.post("/admin/reset").handler(ctx -> {
            state.reset();
            ok(ctx, new JsonObject());
        });
        router.get("/admin/state").handler(ctx -> ok(ctx, state.toJson()));
        router.post("/admin/police-orders").handler(ctx -> outbound.sendPoliceOrder(ctx.body().asJsonObject())
                .onSuccess(answer -> ok(ctx, answer)).onFailure(ctx::fail));
        router.post("/admin/updates").handler(ctx -> outbound.sendUpdate(ctx.body().asJsonObject())
                .onSuccess(answer -> ok(ctx, answer)).onFailure(ctx::fail));
        router.post("/admin/replay-last").handler(ctx -> outbound.replayLast()
                .onSuccess(answer -> ok(ctx, answer)).onFailure(ctx::fail));
        return router;
    }

    private void mode(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String next = body.getString("mode");
        state.delayMs = body.getLong("delayMs", 0L);
        boolean wasDown = "DOWN".equals(state.mode);
        state.mode = next;
        Future<?> change = Future.succeededFuture();
        if ("DOWN".equals(next) && !wasDown) {
            change = exchange.close();
        } else if (!"DOWN".equals(next) && wasDown) {
            change = listenExchange(exchangePort);
        }
        change.onSuccess(v -> ok(ctx, new JsonObject().put("mode", next))).onFailure(ctx::fail);
    }

    static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
