package org.hotline.core.http;

import io.vertx.ext.web.RoutingContext;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;

/**
 * A 429 that knows when the client may try again: a rate limit's window or an attempt lock's period.
 * {@link #fail} answers it with a {@code Retry-After} header.
 */
public final class RetryLater extends HotlineException {

    private final long retryAfterMs;

    public RetryLater(long retryAfterMs, String code, String message) {
        super(ErrorKind.RATE_LIMITED, code, message);
        this.retryAfterMs = retryAfterMs;
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }

    /** Fails the request, with a {@code Retry-After} header (whole seconds, at least 1) when it is a RetryLater. */
    public static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof RetryLater later) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (later.retryAfterMs + 999) / 1000)));
        }
        ctx.fail(failure);
    }
}
