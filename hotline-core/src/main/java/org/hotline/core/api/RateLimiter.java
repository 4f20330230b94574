package org.hotline.core.api;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Function;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.redis.LettuceBridge;

/**
 * Fixed-window request counters in Redis ({@code hotline:ratelimit:{scope}:{subject}:{window}}),
 * shared by every server instance, so flooding one instance or many counts the same. Over the limit
 * the request fails with 429 and a {@code Retry-After} header.
 */
public final class RateLimiter {

    static final String KEY_PREFIX = "hotline:ratelimit:";
    // INCR and set the expiry on the first hit in one step, so a crash cannot leave a counter without TTL
    private static final String SCRIPT = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RateLimiter(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    /** A rule: at most {@code limit} hits per {@code window} for one subject of a scope. */
    public record Rule(String scope, int limit, Duration window) {
        public Rule {
            if (scope == null || scope.isBlank() || limit < 1 || window == null || window.toMillis() < 1000) {
                throw new IllegalArgumentException("a rate limit rule needs a scope, limit >= 1 and a window >= 1 s");
            }
        }
    }

    /** Counts one hit; fails with RATE_LIMITED when the subject is over the rule's limit. */
    public Future<Void> hit(Rule rule, String subject) {
        long windowMs = rule.window().toMillis();
        long now = System.currentTimeMillis();
        long window = now / windowMs;
        String key = KEY_PREFIX + rule.scope() + ":" + subject + ":" + window;
        return LettuceBridge.toFuture(vertx,
                redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, new String[] {key}, Long.toString(windowMs)))
            .compose(count -> count <= rule.limit()
                ? Future.succeededFuture()
                : Future.failedFuture(limited((window + 1) * windowMs - now)));
    }

    /** A route handler limiting by a subject taken from the request (e.g. the client address). */
    public Handler<RoutingContext> handler(Rule rule, Function<RoutingContext, String> subject) {
        return ctx -> hit(rule, subject.apply(ctx))
            .onSuccess(ignored -> ctx.next())
            .onFailure(failure -> {
                if (failure instanceof Limited limited) {
                    ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, limited.retryAfterMs / 1000)));
                }
                ctx.fail(failure);
            });
    }

    /** The client address as seen on the socket (proxies' headers are not trusted by default). */
    public static String clientAddress(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private static Limited limited(long retryAfterMs) {
        return new Limited(retryAfterMs);
    }

    /** The RATE_LIMITED failure, carrying when to retry. */
    static final class Limited extends HotlineException {
        private final long retryAfterMs;

        Limited(long retryAfterMs) {
            super(ErrorKind.RATE_LIMITED, "request.rate-limited", "请求过于频繁，请稍后再试");
            this.retryAfterMs = retryAfterMs;
        }
    }
}
