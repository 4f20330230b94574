package org.hotline.telephony;

import io.vertx.core.Future;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;

/**
 * The telephony HTTP API under {@code /api/telephony}. Failures are passed to the router's failure
 * handler (core's Problems renders them as problem+json). Authentication is put in front by the
 * server; these handlers trust the agent id in the path.
 */
public final class TelephonyRoutes {

    private static final long BODY_LIMIT = 16 * 1024;
    private static final long SSE_HEARTBEAT_MS = 15_000;

    private final TelephonyVerticle telephony;

    private TelephonyRoutes(TelephonyVerticle telephony) {
        this.telephony = telephony;
    }

    private static final String[] RETURN_VISIT = {"agentId", "phone", "ticketId"};

    public static Router mount(Router router, TelephonyVerticle telephony) {
        TelephonyRoutes r = new TelephonyRoutes(telephony);
        router.route("/api/telephony/*").handler(Problems.bodyHandler(BODY_LIMIT));
        router.get("/api/telephony/dashboard").handler(ctx -> ctx.json(telephony.dashboard()));
        router.post("/api/telephony/agents/:agentId/login").handler(r::login);
        router.post("/api/telephony/agents/:agentId/logout").handler(ctx -> r.answer(ctx, c -> c.logout(agent(ctx))));
        router.post("/api/telephony/agents/:agentId/pause").handler(ctx -> r.answer(ctx, c -> c.pauseByAgent(agent(ctx), reason(ctx))));
        router.post("/api/telephony/agents/:agentId/ready").handler(ctx -> r.answer(ctx, c -> c.pause(agent(ctx), false, "")));
        router.get("/api/telephony/agents/:agentId/events").handler(r::events);
        router.post("/api/telephony/calls/:callId/hangup").handler(ctx -> r.answer(ctx, c -> c.hangup(call(ctx))));
        router.post("/api/telephony/calls/:callId/hold").handler(ctx -> r.answer(ctx, c -> c.hold(call(ctx), flag(body(ctx, "on"), "on", true))));
        router.post("/api/telephony/calls/:callId/transfer").handler(ctx -> r.answer(ctx, c -> {
            JsonObject body = body(ctx, "target", "attended");
            return c.transfer(call(ctx), text(body, "target"), flag(body, "attended", false));
        }));
        router.post("/api/telephony/calls/:callId/conference").handler(ctx -> r.answer(ctx, c -> c.conference(call(ctx),
                text(body(ctx, "target"), "target"))));
        router.post("/api/telephony/calls/:callId/tickets").handler(ctx -> r.done(ctx,
                telephony.linkTicket(call(ctx), required(body(ctx, "ticketId"), "ticketId"), Authenticated.actor(ctx))));
        CallRecordRoutes.mount(router, telephony);
        MeasuresRoutes.mount(router, telephony);
        router.get("/api/telephony/callbacks").handler(r::callbacks);
        router.post("/api/telephony/callbacks/:callId/call").handler(r::callBack);
        // Blocked numbers (harassment policy); the server lets only administrators through.
        router.get("/api/telephony/blocked-numbers").handler(ctx -> telephony.store().blocked()
                .onSuccess(list -> ctx.json(new JsonObject().put("numbers", new JsonArray(list)))).onFailure(ctx::fail));
        router.put("/api/telephony/blocked-numbers/:phone").handler(ctx -> r.done(ctx, telephony.store().block(phone(ctx))));
        router.delete("/api/telephony/blocked-numbers/:phone").handler(ctx -> r.done(ctx, telephony.store().unblock(phone(ctx))));
        router.post("/api/telephony/return-visits").handler(r::returnVisit);
        return router;
    }

    private void login(RoutingContext ctx) {
        JsonObject body = body(ctx, "queues", "webrtc");
        if (!(body.getValue("queues", new JsonArray()) instanceof JsonArray queues)) {
            throw HotlineException.invalid("telephony.bad-field", "字段 queues 须为队列名称的数组");
        }
        String agentId = agent(ctx);
        CallControl control = telephony.control();
        Future<Void> loggedIn;
        try {
            loggedIn = control.login(agentId, queues.stream().map(String::valueOf).toList(), flag(body, "webrtc", false));
        } catch (HotlineException refused) {
            loggedIn = Future.failedFuture(refused);
        }
        // The agent's phone registers with these (see AgentPhones); empty when phones are not managed.
        loggedIn.onSuccess(v -> ctx.json(new JsonObject().put("ok", true).put("sip", control.phones().credentials(agentId))))
                .onFailure(ctx::fail);
    }

    /** A page of the callback list: {@code offset} (default 0) and {@code limit} (1..200, default 50). */
    private void callbacks(RoutingContext ctx) {
        int offset = queryInt(ctx, "offset", 0, 0, telephony.store().maxCallbacks());
        int limit = queryInt(ctx, "limit", 50, 1, 200);
        telephony.store().callbacks(offset, limit).onSuccess(page -> ctx.json(new JsonObject()
                .put("callbacks", new JsonArray(page.callbacks())).put("total", page.total())
                .put("offset", offset).put("limit", limit))).onFailure(ctx::fail);
    }

    static int queryInt(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw HotlineException.invalid("telephony.bad-page", "分页参数 " + name + " 应为 " + min + " 到 " + max + " 之间的整数");
    }

    /**
     * Calls a missed caller back through the given agent. The entry leaves the list only when the
     * citizen answers (the verticle sees the outbound call answered), not when Asterisk accepts the dial.
     */
    private void callBack(RoutingContext ctx) {
        String agentId = required(body(ctx, "agentId"), "agentId");
        placed(ctx, telephony.store().callback(call(ctx))
                .compose(entry -> telephony.control().callAs(agentId, entry.getString("caller"),
                        CallPurpose.callback(call(ctx)), Map.of("HOTLINE_CALLBACK_OF", call(ctx)))));
    }

    /** An outbound call was placed: {@code {ok, callId}} (the call's id in its record and for ticket links). */
    private static void placed(RoutingContext ctx, Future<String> callId) {
        callId.onSuccess(id -> ctx.json(new JsonObject().put("ok", true).put("callId", id))).onFailure(ctx::fail);
    }

    /** Server-sent events of one agent: screen pops as {@code event: screen-pop}. */
    private void events(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        MessageConsumer<JsonObject> consumer = ctx.vertx().eventBus().consumer(
                TelephonyVerticle.AGENT_ADDRESS_PREFIX + agent(ctx),
                m -> response.write("event: " + m.body().getString("type", "message") + "\ndata: " + m.body().encode() + "\n\n"));
        long heartbeat = ctx.vertx().setPeriodic(SSE_HEARTBEAT_MS, t -> response.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            consumer.unregister();
            ctx.vertx().cancelTimer(heartbeat);
        });
        consumer.completion().onSuccess(v -> response.write(": connected\n\n")).onFailure(ctx::fail);
    }

    private interface Action {
        Future<?> on(CallControl control);
    }

    private void answer(RoutingContext ctx, Action action) {
        Future<?> result;
        try {
            result = action.on(telephony.control());
        } catch (HotlineException refused) {
            result = Future.failedFuture(refused);
        }
        done(ctx, result);
    }

    private void done(RoutingContext ctx, Future<?> result) {
        result.onSuccess(v -> ctx.json(new JsonObject().put("ok", true))).onFailure(ctx::fail);
    }

    private static String phone(RoutingContext ctx) {
        String phone = ctx.pathParam("phone");
        if (phone == null || !phone.matches("\\+?[0-9]{3,20}")) {
            throw HotlineException.invalid("telephony.bad-phone", "电话号码格式不正确（3 到 20 位数字）");
        }
        return phone;
    }

    private static String agent(RoutingContext ctx) {
        String id = ctx.pathParam("agentId");
        if (!id.matches("[0-9a-z]{1,32}")) {
            throw HotlineException.invalid("telephony.bad-agent", "坐席工号格式不正确");
        }
        return id;
    }

    private static String call(RoutingContext ctx) {
        return ctx.pathParam("callId");
    }

    /** An agent calls a citizen back for a return visit; the ticket may be empty (a visit placed without one). */
    private void returnVisit(RoutingContext ctx) {
        JsonObject body = body(ctx, RETURN_VISIT);
        String ticketId = Objects.requireNonNullElse(text(body, "ticketId"), "");
        placed(ctx, telephony.control().callAs(required(body, "agentId"), required(body, "phone"),
                CallPurpose.returnVisit(ticketId), Map.of("HOTLINE_VISIT_TICKET", ticketId)));
    }

    private static String reason(RoutingContext ctx) {
        return Objects.requireNonNullElse(text(body(ctx, "reason"), "reason"), TelephonyConfig.DEFAULT_PAUSE_REASONS.get(0));
    }

    /**
     * The JSON object body (none: empty); a field sent as null counts as absent, a field the route does not
     * take is refused (400 {@code request.unknown-field}) like the core routes' bodies, so a misspelt
     * {@code attended} is not silently a blind transfer.
     */
    private static JsonObject body(RoutingContext ctx, String... fields) {
        JsonObject body = JsonBodies.optionalObject(ctx);
        body.getMap().values().removeIf(Objects::isNull);
        List<String> known = List.of(fields);
        body.fieldNames().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw HotlineException.invalid("request.unknown-field", "未知字段：" + name);
        });
        return body;
    }

    /** A text field or null; any other JSON type is a 400, never a cast failure. */
    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw HotlineException.invalid("telephony.bad-field", "字段 " + field + " 须为字符串");
        }
        return (String) value;
    }

    private static boolean flag(JsonObject body, String field, boolean absent) {
        Object value = body.getValue(field, absent);
        if (!(value instanceof Boolean on)) {
            throw HotlineException.invalid("telephony.bad-field", "字段 " + field + " 须为 true 或 false");
        }
        return on;
    }

    private static String required(JsonObject body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw HotlineException.invalid("telephony.missing-field", "缺少字段：" + field);
        }
        return value;
    }

}
