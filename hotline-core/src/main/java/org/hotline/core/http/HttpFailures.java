package org.hotline.core.http;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;

/**
 * Failures of HTTP requests as members of the one error family, and their HTTP status: shared by
 * the service API's problem documents and Open311's error lists, so both answer the same failure
 * with the same status.
 */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The error family member of any failure a route or a Vert.x handler raised: ours as they are,
     * a bare status as its problem, and the client's own malformed input (JSON, a form body with a
     * broken percent escape) as a 400, never a 500. Open311 answers its errors in its own shape
     * from the same classification, the service API as problem documents ({@code Problems}).
     */
    public static HotlineException classify(Throwable failure, int statusCode) {
        return failure == null ? fromStatus(statusCode <= 0 ? 500 : statusCode) : classify(failure);
    }

    private static HotlineException classify(Throwable failure) {
        if (failure instanceof HotlineException known) {
            return known;
        }
        if (failure instanceof HttpException http) {
            return http.getCause() != null && malformedForm(http.getCause())
                ? MALFORMED_FORM.get() : fromStatus(http.getStatusCode(), http.getCause());
        }
        if (failure instanceof DecodeException) {
            return HotlineException.invalid("request.malformed-json", "请求体不是有效的 JSON");
        }
        if (malformedForm(failure)) {
            return MALFORMED_FORM.get();
        }
        return HotlineException.from(failure);
    }

    private static final java.util.function.Supplier<HotlineException> MALFORMED_FORM = () -> HotlineException.invalid(
        "request.malformed-form", "表单请求体编码错误：含有无效的百分号转义（如 %ZZ）或无效的 UTF-8");

    /** Netty's form decoder refuses a broken escape (a=%ZZ) or bad bytes while Vert.x reads the body. */
    private static boolean malformedForm(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException
                || cause instanceof io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.NotEnoughDataDecoderException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static HotlineException fromStatus(int status) {
        return fromStatus(status, null);
    }

    private static HotlineException fromStatus(int status, Throwable cause) {
        return switch (status) {
            case 400 -> HotlineException.invalid("request.invalid", "请求格式错误");
            case 401 -> new HotlineException(ErrorKind.UNAUTHENTICATED, "auth.unauthenticated", "未登录或令牌无效、已过期");
            case 403 -> HotlineException.forbidden("auth.forbidden", "无权执行此操作");
            case 404 -> HotlineException.notFound("request.not-found", "请求的资源不存在");
            case 405 -> new HotlineException(ErrorKind.INVALID_REQUEST, "request.method-not-allowed", "不支持该请求方法");
            case 413 -> new HotlineException(ErrorKind.INVALID_REQUEST, "request.too-large", "请求体过大");
            case 415 -> new HotlineException(ErrorKind.INVALID_REQUEST, "request.unsupported-media-type", "不支持的内容类型");
            case 429 -> new HotlineException(ErrorKind.RATE_LIMITED, "request.rate-limited", "请求过于频繁，请稍后再试");
            case 503 -> HotlineException.unavailable("service.unavailable", "服务暂时不可用，请稍后重试", cause);
            default -> status >= 400 && status < 500
                ? HotlineException.invalid("request.invalid", "请求无效")
                : HotlineException.from(cause == null ? new IllegalStateException("status " + status) : cause);
        };
    }

    /** The HTTP status of an error: the kind's status, refined by a few codes (413, 405, 415). */
    public static int status(HotlineException e) {
        return switch (e.code()) {
            case "request.too-large" -> 413;
            case "request.method-not-allowed" -> 405;
            case "request.unsupported-media-type" -> 415;
            default -> e.kind().httpStatus();
        };
    }
}
