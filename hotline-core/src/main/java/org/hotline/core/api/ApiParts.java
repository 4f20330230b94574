package org.hotline.core.api;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;
import org.hotline.core.app.TicketService;
import org.hotline.core.attachment.DirectoryAttachmentStore;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.RedisUserStore;
import org.hotline.core.auth.TokenRevocations;
import org.hotline.core.http.FailedAttempts;
import org.hotline.core.http.RateLimiter;
import org.hotline.core.open311.Open311Keys;
import org.hotline.core.redis.RedisPolicyStore;

/**
 * The Redis-backed collaborators of the service API, made once by the composition root before
 * anything else: the other modules need the token check and the audit trail before the API itself
 * can be built (it takes their intake advice and category listener, {@link ApiOptions}).
 */
public record ApiParts(Vertx vertx, ApiConfig config, TicketService service, Clock clock, JwtTokens tokens,
                       TokenRevocations revocations, FailedAttempts attempts, RedisUserStore users, AuditLog audit,
                       RateLimiter limiter, Open311Keys open311Keys, RedisPolicyStore policyStore,
                       DirectoryAttachmentStore attachments) {

    public ApiParts {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clock, "clock");
    }

    /** Every part over one Redis connection. */
    public static ApiParts create(Vertx vertx, ApiConfig config, RedisAsyncCommands<String, String> redis, TicketService service,
                                  Clock clock, PasswordHasher hasher) {
        TokenRevocations revocations = new TokenRevocations(vertx, redis);
        return new ApiParts(vertx, config, service, clock, new JwtTokens(vertx, config.auth(), revocations), revocations,
            new FailedAttempts(vertx, redis), new RedisUserStore(vertx, redis, hasher), new AuditLog(vertx, redis, clock),
            new RateLimiter(vertx, redis), new Open311Keys(vertx, redis, clock), new RedisPolicyStore(vertx, redis),
            new DirectoryAttachmentStore(vertx, redis, config.attachments().directory()));
    }

    /** With the production password hashing. */
    public static ApiParts create(Vertx vertx, ApiConfig config, RedisAsyncCommands<String, String> redis, TicketService service,
                                  Clock clock) {
        return create(vertx, config, redis, service, clock, new PasswordHasher());
    }

    /** The bearer-token handler, for routers mounted elsewhere than under {@code /api/v1/}. */
    public Handler<RoutingContext> authHandler() {
        return Authenticated.handler(tokens);
    }
}
