package org.hotline.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Citizens filing web appeals at a steady rate. Each appeal carries an idempotency key; when its
 * node does not answer (killed) or answers 5xx, the same appeal is sent again to a live node, as a
 * browser behind a load balancer would. Clients come from many loopback addresses so the
 * per-address intake limit (30 a minute) does not cap the test's rate.
 */
final class AppealLoad {

    private static final int ADDRESSES = 100;
    private static final int ATTEMPTS = 8;

    private final Vertx vertx;
    private final List<WebClient> clients = new ArrayList<>();
    private final List<JsonObject> texts;
    private final Supplier<List<ServerNode>> liveNodes;
    /** ticket number → idempotency key of every appeal answered 201. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long timer = -1;

    AppealLoad(Vertx vertx, List<JsonObject> texts, Supplier<List<ServerNode>> liveNodes) {
        this.vertx = vertx;
        this.texts = texts;
        this.liveNodes = liveNodes;
        for (int i = 0; i < ADDRESSES; i++) {
            // a fresh connection per appeal: a pooled one may be closed by the server just as it is reused
            clients.add(WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0." + (10 + i))
                    .setConnectTimeout(2000).setKeepAlive(false)));
        }
    }

    void start(long everyMillis) {
        timer = vertx.setPeriodic(everyMillis, t -> send(sent.getAndIncrement()));
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    boolean idle() {
        return inFlight.get() == 0;
    }

    Map<String, String> accepted() {
        return accepted;
    }

    int sent() {
        return sent.get();
    }

    int retried() {
        return retried.get();
    }

    List<String> refused() {
        return refused;
    }

    private void send(int n) {
        JsonObject text = texts.get(n % texts.size());
        JsonObject appeal = new JsonObject().put("title", text.getString("title")).put("content", text.getString("content"))
                .put("appealType", "COMPLAINT").put("phone", String.valueOf(13900000000L + n)).put("name", "市民" + n)
                .put("district", "东城区").put("address", "人民路" + n + "号").put("idempotencyKey", "load-" + n);
        inFlight.incrementAndGet();
        attempt(n, appeal, ATTEMPTS).onComplete(done -> inFlight.decrementAndGet());
    }

    private Future<Void> attempt(int n, JsonObject appeal, int attemptsLeft) {
        List<ServerNode> nodes = liveNodes.get();
        ServerNode node = nodes.get((n + ATTEMPTS - attemptsLeft) % nodes.size());
        WebClient client = clients.get(n % clients.size());
        return client.postAbs(node.url("/api/v1/appeals")).timeout(15_000).sendJsonObject(appeal)
                .transform(result -> {
                    if (result.succeeded() && result.result().statusCode() == 201) {
                        accepted.put(result.result().bodyAsJsonObject().getString("ticketNumber"), appeal.getString("idempotencyKey"));
                        return Future.succeededFuture();
                    }
                    if (attemptsLeft > 1 && retriable(result.succeeded() ? result.result() : null)) {
                        retried.incrementAndGet();
                        return delay(500).compose(v -> attempt(n, appeal, attemptsLeft - 1));
                    }
                    refused.add(n + ": " + (result.succeeded() ? result.result().statusCode() + " " + result.result().bodyAsString()
                            : result.cause().toString()));
                    return Future.succeededFuture();
                });
    }

    /** No answer at all, or the server says it cannot serve now (overloaded, rate-limited): the same appeal again, elsewhere. */
    private static boolean retriable(HttpResponse<?> response) {
        return response == null || response.statusCode() >= 500 || response.statusCode() == 429;
    }

    private Future<Void> delay(long millis) {
        io.vertx.core.Promise<Void> promise = io.vertx.core.Promise.promise();
        vertx.setTimer(millis, t -> promise.complete());
        return promise.future();
    }
}
