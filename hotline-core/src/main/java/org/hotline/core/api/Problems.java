package org.hotline.core.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.http.HttpFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a Router into one {@code application/problem+json} answer
 * ({@code type, title, status, detail, code}). Every module's router installs it, so a client sees one
 * error shape whatever module answered. 5xx answers carry only a correlation id; the cause goes to the log.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    /** Default request body limit: appeals are text; attachments travel as references. */
    public static final long DEFAULT_BODY_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /**
     * Installs the failure handler and the 404/405 answers on a router. Call it once per router,
     * before mounting sub-routers (sub-routers that install it themselves are fine too).
     */
    public static Router install(Router router) {
        router.route().failureHandler(Problems::handleFailure);
        router.errorHandler(404, ctx -> send(ctx, HttpFailures.classify(null, 404)));
        router.errorHandler(405, ctx -> send(ctx, HttpFailures.classify(null, 405)));
        // the router's own refusals, before any route ran: a path it cannot decode (/tickets/%ZZ) is a 400 of its
        // own, anything else that escaped every failure handler a 500; both answered as problems
        router.errorHandler(400, ctx -> send(ctx, ctx.failure() instanceof HotlineException known ? known : MALFORMED_URI.get()));
        router.errorHandler(500, ctx -> send(ctx, ctx.failure()));
        return router;
    }

    /** The failure handler alone, for routers that arrange their own routes. */
    public static Handler<RoutingContext> failureHandler() {
        return Problems::handleFailure;
    }

    /**
     * A body handler with a limit; bodies over it fail with 413 and are answered as a problem. A query
     * string with a broken escape (?limit=%ZZ) is refused first: Vert.x's body handler would otherwise
     * throw while merging a form body's fields into the parameters, and the request would never be answered.
     */
    public static Handler<RoutingContext> bodyHandler(long limitBytes) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limitBytes).setHandleFileUploads(false);
        return ctx -> {
            if (!queryDecodes(ctx.request().uri())) {
                ctx.fail(MALFORMED_URI.get());
                return;
            }
            body.handle(ctx);
        };
    }

    private static boolean queryDecodes(String uri) {
        try {
            new io.netty.handler.codec.http.QueryStringDecoder(uri).parameters();
            return true;
        } catch (IllegalArgumentException broken) {
            return false;
        }
    }

    /** Sends a problem for a failure now; for handlers that answer errors themselves. */
    public static void send(RoutingContext ctx, Throwable failure) {
        Problem problem = toProblem(failure, ctx.statusCode());
        if (problem.status() >= 500) {
            LOG.error("request failed [method={}, path={}, correlationId={}]",
                ctx.request().method(), ctx.normalizedPath(), problem.correlationId(), failure);
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
            .setStatusCode(problem.status())
            .putHeader("Content-Type", CONTENT_TYPE)
            .putHeader("Cache-Control", "no-store");
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().end(problem.toJson().encode());
    }

    private static void handleFailure(RoutingContext ctx) {
        send(ctx, ctx.failure());
    }

    /** Maps any failure (or a bare status code when there is none) to a problem. */
    static Problem toProblem(Throwable failure, int statusCode) {
        return Problem.of(classify(failure, statusCode));
    }

    /** The error family member of any failure (see {@link HttpFailures#classify}). */
    public static HotlineException classify(Throwable failure, int statusCode) {
        return HttpFailures.classify(failure, statusCode);
    }

    private static final java.util.function.Supplier<HotlineException> MALFORMED_URI = () -> HotlineException.invalid(
        "request.malformed-uri", "请求地址格式错误：含有无效的百分号转义（如 %ZZ）或无效的 UTF-8");

    /** A problem document (RFC 9457) ready to send. */
    record Problem(String code, String title, int status, String detail, String correlationId) {

        static Problem of(HotlineException e) {
            int status = httpStatus(e);
            if (status >= 500) {
                // an internal error's own message may name hosts, keys or stack details: never shown. An
                // unavailable dependency's message written for the user (Chinese: which service, what to do) is
                // kept, so an administrator is not told to retry a category that was saved; any other is replaced
                String id = UUID.randomUUID().toString();
                String detail = e.kind() == ErrorKind.UNAVAILABLE
                    ? (writtenForUsers(e.getMessage()) ? e.getMessage() : "服务暂时不可用，请稍后重试") + "（编号 " + id + "）"
                    : "服务内部错误，请稍后重试（编号 " + id + "）";
                return new Problem(e.kind() == ErrorKind.UNAVAILABLE ? e.code() : "internal", titleFor(status), status, detail, id);
            }
            return new Problem(e.code(), titleFor(status), status, e.getMessage(), null);
        }

        private static boolean writtenForUsers(String message) {
            return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject()
                .put("type", "urn:hotline:problem:" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
            if (correlationId != null) {
                json.put("correlationId", correlationId);
            }
            return json;
        }
    }

    /** The HTTP status of an error (see {@link HttpFailures#status}). */
    public static int httpStatus(HotlineException e) {
        return HttpFailures.status(e);
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未认证";
            case 403 -> "禁止访问";
            case 404 -> "未找到";
            case 405 -> "方法不允许";
            case 409 -> "冲突";
            case 413 -> "请求体过大";
            case 415 -> "内容类型不支持";
            case 422 -> "业务规则拒绝";
            case 429 -> "请求过于频繁";
            case 503 -> "服务不可用";
            default -> status >= 500 ? "服务内部错误" : "请求无效";
        };
    }
}
