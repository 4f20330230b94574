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

    /** Wraps anything that is not already part of the family as an internal error. */
    public static HotlineException from(Throwable failure) {
        if (failure instanceof HotlineException known) {
            return known;
        }
        return new HotlineException(ErrorKind.INTERNAL, "internal", "服务内部错误，请稍后重试", failure);
    }
}
