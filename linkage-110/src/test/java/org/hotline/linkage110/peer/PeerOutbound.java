package org.hotline.linkage110.peer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Requests the simulated 110 platform sends to 12345: follow-ups of orders, and police orders. */
final class PeerOutbound {

    private final Vertx vertx;
    private final PeerState state;
    private final WebClient client;

    PeerOutbound(Vertx vertx, PeerState state) {
        this.vertx = vertx;
        this.state = state;
        this.client = WebClient.create(vertx);
    }

    /** Acknowledge, report progress and a result, or reject with a reason: the closed loop. */
    void followUp(JsonObject order, boolean reject) {
        String id = order.getString("transferId");
        String path = "/linkage/v1/orders/" + id + "/updates";
        if (reject) {
            send(path, id + ":REJECTED", update(id, "REJECTED").put("reason", "经核实不属于公安机关职责范围，请12345按职能转办"), 5);
            return;
        }
        send(path, id + ":ACKNOWLEDGED", update(id, "ACKNOWLEDGED"), 5)
                .compose(a -> send(path, id + ":IN_PROGRESS", update(id, "IN_PROGRESS"), 5))
                .compose(a -> send(path, id + ":RESULT", update(id, "RESULT").put("result", new JsonObject()
                        .put("outcome", "HANDLED").put("text", "民警已到场处置完毕").put("handledBy", "城关派出所")), 5));
    }

    Future<JsonObject> sendPoliceOrder(JsonObject spec) {
        String id = spec.getString("transferId", "110-" + UUID.randomUUID());
        JsonObject order = new JsonObject().put("schema", "linkage-order.v1").put("transferId", id)
                .put("sourceRef", spec.getString("sourceRef", "JQ" + id)).put("listCode", spec.getString("listCode", "F110-01"))
                .put("listVersion", spec.getInteger("listVersion", 1)).put("urgency", "NORMAL")
                .put("title", spec.getString("title", "工地夜间施工噪音扰民"))
                .put("content", spec.getString("content", "群众报警称工地夜间施工，经民警核实无治安因素，移交12345"))
                .put("location", new JsonObject().put("district", "城关区").put("address", "人民路1号"))
                .put("caller", new JsonObject().put("name", "张三").put("phone", "13800138000"))
                .put("sentAt", Instant.now().toString());
        String tamper = spec.getString("tamper", "none");
        String body = "garbage".equals(tamper) ? "<html>\u0000not json" : order.encode();
        return request("/linkage/v1/orders", spec.getString("idempotencyKey", id), body, tamper);
    }

    /** A single update about a transfer, e.g. one 12345 never sent. */
    Future<JsonObject> sendUpdate(JsonObject spec) {
        String id = spec.getString("transferId");
        String type = spec.getString("type", "ACKNOWLEDGED");
        return request("/linkage/v1/orders/" + id + "/updates", id + ":" + type, update(id, type).encode(), "none");
    }

    Future<JsonObject> replayLast() {
        JsonObject last = state.lastRequest;
        var request = client.requestAbs(HttpMethod.POST, state.hotlineUrl + last.getString("path"));
        last.getJsonObject("headers").forEach(h -> request.putHeader(h.getKey(), String.valueOf(h.getValue())));
        return request.sendBuffer(Buffer.buffer(last.getString("body")))
                .map(r -> new JsonObject().put("status", r.statusCode()).put("body", r.bodyAsString()));
    }

    private Future<JsonObject> send(String path, String key, JsonObject body, int attemptsLeft) {
        return request(path, key, body.encode(), "none").compose(answer -> {
            if (answer.getInteger("status") / 100 == 2 || attemptsLeft <= 1) {
                return Future.succeededFuture(answer);
            }
            return vertx.timer(200).compose(t -> send(path, key, body, attemptsLeft - 1));
        }, failure -> attemptsLeft <= 1 ? Future.failedFuture(failure)
                : vertx.timer(200).compose(t -> send(path, key, body, attemptsLeft - 1)));
    }

    private Future<JsonObject> request(String path, String key, String body, String tamper) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond() - ("stale".equals(tamper) ? 3600 : 0);
        String nonce = UUID.randomUUID().toString();
        String signature = state.signing.sign("POST", path, ts, nonce, bytes);
        if ("signature".equals(tamper)) {
            signature = state.signing.sign("POST", path, ts, nonce, "{}".getBytes(StandardCharsets.UTF_8));
        }
        JsonObject headers = new JsonObject().put("Content-Type", "application/json").put("X-Linkage-Party", "110")
                .put("X-Linkage-Timestamp", Long.toString(ts)).put("X-Linkage-Nonce", nonce)
                .put("X-Linkage-Signature", signature).put("Idempotency-Key", key);
        state.lastRequest = new JsonObject().put("path", path).put("headers", headers).put("body", body);
        var request = client.requestAbs(HttpMethod.POST, URI.create(state.hotlineUrl).resolve(path).toString()).timeout(5000);
        headers.forEach(h -> request.putHeader(h.getKey(), String.valueOf(h.getValue())));
        return request.sendBuffer(Buffer.buffer(bytes)).map(r -> {
            JsonObject answer = new JsonObject().put("path", path).put("key", key).put("status", r.statusCode())
                    .put("body", r.bodyAsString());
            state.sent.add(answer);
            return answer;
        });
    }

    private static JsonObject update(String transferId, String type) {
        return new JsonObject().put("schema", "linkage-update.v1").put("transferId", transferId)
                .put("updateId", transferId + ":" + type).put("type", type).put("at", Instant.now().toString());
    }
}
