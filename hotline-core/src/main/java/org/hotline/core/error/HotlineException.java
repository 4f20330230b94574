package org.hotline.core.error;

import java.util.Objects;

/**
 * A failure with a kind, a stable machine code (e.g. {@code ticket.illegal-transition}) and a
 * message meant for the person who caused it (Chinese for user-facing text).
 */
public class HotlineException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;

    public HotlineException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public HotlineException(ErrorKind kind, String code, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static HotlineException invalid(String code, String message) {
        return new HotlineException(ErrorKind.INVALID_REQUEST, code, message);
    }

    public static HotlineException notFound(String code, String message) {
        return new HotlineException(ErrorKind.NOT_FOUND, code, message);
    }

    public static HotlineException conflict(String code, String message) {
        return new HotlineException(ErrorKind.CONFLICT, code, message);
    }

    public static HotlineException rejected(String code, String message) {
        return new HotlineException(ErrorKind.REJECTED, code, message);
    }

    public static HotlineException forbidden(String code, String message) {
        return new HotlineException(ErrorKind.FORBIDDEN, code, message);
    }

    public static HotlineException unavailable(String code, String message, Throwable cause) {
        return new HotlineException(ErrorKind.UNAVAILABLE, code, message, cause);
    }

    /**
     * A refusal another service answered with an HTTP-like status (e.g. over the event bus: the call
     * already ended, 404): it keeps its status and message; a status outside 4xx is an unavailable
     * dependency, so the caller is told to retry, not that the request was wrong.
     */
    public static HotlineException remoteRefusal(int status, String code, String message) {
        ErrorKind kind = switch (status) {
            case 400, 413, 415 -> ErrorKind.INVALID_REQUEST;
            case 401 -> ErrorKind.UNAUTHENTICATED;
            case 403 -> ErrorKind.FORBIDDEN;
            case 404, 410 -> ErrorKind.NOT_FOUND;
            case 409 -> ErrorKind.CONFLICT;
            case 422 -> ErrorKind.REJECTED;
            case 429 -> ErrorKind.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? ErrorKind.INVALID_REQUEST : ErrorKind.UNAVAILABLE;
        };
        return new HotlineException(kind, code, message);
    }

    /** Wraps anything that is not already part of the family as an internal error. */
    public static HotlineException from(Throwable failure) {
        if (failure instanceof HotlineException known) {
            return known;
        }
        return new HotlineException(ErrorKind.INTERNAL, "internal", "服务内部错误，请稍后重试", failure);
    }
}
