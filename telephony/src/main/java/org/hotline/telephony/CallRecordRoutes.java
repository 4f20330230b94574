package org.hotline.telephony;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;

/**
 * Call records and recordings over HTTP, by role ({@link CallRecordAccess}), every read audited as a
 * personal-data read. Recordings are streamed from {@code recordingsDir} (the file is sent, with
 * HTTP ranges for seeking), never loaded into memory or base64 in JSON.
 */
final class CallRecordRoutes {

    /** Stream entries one list request reads at most (agents' own calls are filtered from them). */
    static final int SCAN = 2_000;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Pattern RECORDING = Pattern.compile("hotline-[0-9A-Za-z._-]{1,120}\\.wav");

    private final TelephonyVerticle telephony;

    private CallRecordRoutes(TelephonyVerticle telephony) {
        this.telephony = telephony;
    }

    static void mount(Router router, TelephonyVerticle telephony) {
        CallRecordRoutes r = new CallRecordRoutes(telephony);
        router.get("/api/telephony/calls").handler(r::list);
        router.get("/api/telephony/calls/:callId").handler(r::one);
        router.get("/api/telephony/calls/:callId/recording").handler(r::recording);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        if (!CallRecordAccess.mayList(actor)) {
            throw forbidden();
        }
        int limit = TelephonyRoutes.queryInt(ctx, "limit", 20, 1, 100);
        String before = Optional.ofNullable(ctx.queryParams().get("before")).orElse("");
        if (!before.isEmpty() && !before.matches("\\d{1,20}-\\d{1,20}")) {
            throw HotlineException.invalid("telephony.bad-cursor", "分页游标 before 格式不正确");
        }
        telephony.store().records(before, limit, SCAN, rec -> CallRecordAccess.mayRead(actor, rec))
                .compose(page -> audit(actor, "call", "*").map(page))
                .onSuccess(page -> ctx.json(new JsonObject()
                        .put("calls", new JsonArray(page.records().stream().map(CallRecordRoutes::json).toList()))
                        .put("next", page.next())))
                .onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        readable(actor, ctx.pathParam("callId"))
                .compose(rec -> audit(actor, "call", rec.get("callId")).map(rec))
                .onSuccess(rec -> ctx.json(json(rec))).onFailure(ctx::fail);
    }

    private void recording(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        readable(actor, ctx.pathParam("callId"))
                .compose(rec -> recordingFile(rec.get("recording")))
                .compose(file -> ctx.vertx().fileSystem().exists(file.toString()).compose(exists -> exists
                        ? audit(actor, "call-recording", ctx.pathParam("callId")).map(file)
                        : Future.failedFuture(noRecording())))
                .compose(file -> ctx.vertx().fileSystem().props(file.toString()).compose(props -> send(ctx, file, props.size())))
                .onFailure(ctx::fail);
    }

    /** The whole file, or the one byte range asked for (206); an unsatisfiable range is 416. */
    private static Future<Void> send(RoutingContext ctx, Path file, long size) {
        var response = ctx.response().putHeader("Content-Type", "audio/wav").putHeader("Accept-Ranges", "bytes")
                .putHeader("Cache-Control", "private, no-store");
        String range = ctx.request().getHeader("Range");
        if (range == null) {
            return response.sendFile(file.toString());
        }
        Matcher m = RANGE.matcher(range.trim());
        long start;
        long end;
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return unsatisfiable(ctx, size);
        }
        if (m.group(1).isEmpty()) {
            start = Math.max(0, size - Long.parseLong(m.group(2)));
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        }
        if (start >= size || end < start) {
            return unsatisfiable(ctx, size);
        }
        return response.setStatusCode(206).putHeader("Content-Range", "bytes " + start + "-" + end + "/" + size)
                .sendFile(file.toString(), start, end - start + 1);
    }

    private static Future<Void> unsatisfiable(RoutingContext ctx, long size) {
        return ctx.response().setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
    }

    private Future<Path> recordingFile(String name) {
        String dir = telephony.settings().recordingsDir();
        if (dir.isEmpty() || name == null || !RECORDING.matcher(name).matches()) {
            return Future.failedFuture(noRecording());
        }
        return Future.succeededFuture(Path.of(dir).resolve(name));
    }

    private Future<Map<String, String>> readable(Actor actor, String callId) {
        return telephony.store().record(callId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(HotlineException.notFound("telephony.call-not-found", "通话记录不存在"));
            }
            return CallRecordAccess.mayRead(actor, found.get()) ? Future.succeededFuture(found.get())
                    : Future.failedFuture(forbidden());
        });
    }

    private Future<String> audit(Actor actor, String resource, String id) {
        return telephony.audit().record(AuditLog.Entry.read(actor, resource, id, true));
    }

    /** The stream fields as JSON, ticketIds and transfers as arrays. */
    static JsonObject json(Map<String, String> fields) {
        JsonObject out = new JsonObject(new java.util.LinkedHashMap<>(fields));
        for (String list : new String[] {"ticketIds", "transfers", "conference"}) {
            String value = fields.getOrDefault(list, "");
            out.put(list, new JsonArray(value.isEmpty() ? java.util.List.of() : java.util.List.of(value.split(","))));
        }
        out.put("hasRecording", !fields.getOrDefault("recording", "").isEmpty());
        return out;
    }

    private static HotlineException forbidden() {
        return HotlineException.forbidden("telephony.call-forbidden", "无权查看该通话记录（坐席只能查看自己接听或外呼的通话）");
    }

    private static HotlineException noRecording() {
        return HotlineException.notFound("telephony.recording-not-found", "该通话没有录音");
    }
}
