package org.hotline.telephony.sms;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.api.Problems;
import org.hotline.core.error.HotlineException;

/**
 * The SMS HTTP API under {@code /api/sms}: the templates administrators edit and the channel's
 * counters. The server puts the token check and the role rules in front. While SMS is off the
 * routes answer 503 {@code sms.off}.
 */
public final class SmsRoutes {

    private static final long BODY_LIMIT = 8 * 1024;
    /** The newest given-up messages shown in the stats (the store keeps more). */
    private static final int FAILED_SHOWN = 20;

    private final SmsVerticle sms;

    private SmsRoutes(SmsVerticle sms) {
        this.sms = sms;
    }

    public static Router mount(Router router, SmsVerticle sms) {
        SmsRoutes r = new SmsRoutes(sms);
        router.route("/api/sms/*").handler(Problems.bodyHandler(BODY_LIMIT));
        router.get("/api/sms/templates").handler(r::templates);
        router.put("/api/sms/templates/:purpose").handler(r::store);
        router.get("/api/sms/stats").handler(r::stats);
        return router;
    }

    private void templates(RoutingContext ctx) {
        book().templates().onSuccess(stored -> {
            JsonArray list = new JsonArray();
            new TreeMap<>(SmsTemplates.DEFAULTS).forEach((purpose, text) -> list.add(new JsonObject().put("purpose", purpose)
                    .put("text", stored.getOrDefault(purpose, text)).put("default", text).put("custom", stored.containsKey(purpose))));
            ctx.json(new JsonObject().put("templates", list));
        }).onFailure(ctx::fail);
    }

    private void store(RoutingContext ctx) {
        String purpose = ctx.pathParam("purpose");
        String text = text(ctx);
        try {
            SmsTemplates.check(purpose, text);
        } catch (IllegalArgumentException refused) {
            throw HotlineException.invalid(SmsTemplates.known(purpose) ? "sms.bad-template" : "sms.unknown-template",
                    refused.getMessage());
        }
        book().storeTemplate(purpose, text)
                .onSuccess(v -> ctx.json(new JsonObject().put("purpose", purpose).put("text", text).put("custom", true)))
                .onFailure(ctx::fail);
    }

    private void stats(RoutingContext ctx) {
        RedisSmsBook book = book();
        Future.all(book.counters(), book.queued(), book.failedCount(), book.failed(FAILED_SHOWN)).onSuccess(all -> {
            Map<String, String> counters = all.resultAt(0);
            JsonObject out = new JsonObject().put("queued", (Long) all.resultAt(1)).put("bound", sms.bound())
                    .put("failed", (Long) all.resultAt(2)).put("failedMessages", new JsonArray(all.<List<JsonObject>>resultAt(3)));
            new TreeMap<>(counters).forEach((k, v) -> out.put(k, Long.parseLong(v)));
            ctx.json(out);
        }).onFailure(ctx::fail);
    }

    private RedisSmsBook book() {
        RedisSmsBook book = sms.book();
        if (book == null) {
            throw HotlineException.unavailable("sms.off", "短信通道未启用", null);
        }
        return book;
    }

    private static String text(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            Object text = body == null ? null : body.getValue("text");
            if (text instanceof String s) {
                return s;
            }
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        throw HotlineException.invalid("sms.bad-body", "请求体须为 JSON：{\"text\": \"模板内容\"}");
    }
}
