package org.hotline.core.auth;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.hotline.core.redis.LettuceBridge;

/**
 * Which signed tokens no longer count, in Redis so every node refuses them at once:
 * <ul>
 *   <li>per account a token version ({@code hotline:auth:token-version:{username}}, absent = 0), carried
 *       in each token as {@code ver}; disabling an account or changing its password increments it, so
 *       every token issued before is refused;</li>
 *   <li>per token a denylist entry ({@code hotline:auth:revoked-token:{jti}}) written by logout, kept
 *       only as long as the token would have lived.</li>
 * </ul>
 * Both are read in one MGET per authenticated request.
 */
public final class TokenRevocations {

    static final String VERSION_KEY = "hotline:auth:token-version:";
    static final String REVOKED_KEY = "hotline:auth:revoked-token:";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public TokenRevocations(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    /** The version new tokens of this account carry. */
    public Future<Long> version(String username) {
        return bridge(redis.get(VERSION_KEY + username)).map(TokenRevocations::parse);
    }

    /** Every token of the account issued so far stops counting (disabled account, new password). */
    public Future<Void> revokeAll(String username) {
        return bridge(redis.incr(VERSION_KEY + username)).mapEmpty();
    }

    /** This one token stops counting (logout); the entry lives as long as the token would have. */
    public Future<Void> revoke(String tokenId, Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + 1);
        return bridge(redis.set(REVOKED_KEY + tokenId, "1", SetArgs.Builder.ex(seconds))).mapEmpty();
    }

    /** True while the token may still be used: its version is the account's and it was not logged out. */
    public Future<Boolean> stillValid(String username, long version, String tokenId) {
        return bridge(redis.mget(VERSION_KEY + username, REVOKED_KEY + tokenId))
            .map(values -> parse(value(values, 0)) == version && value(values, 1) == null);
    }

    private static String value(List<KeyValue<String, String>> values, int index) {
        KeyValue<String, String> entry = values.get(index);
        return entry.hasValue() ? entry.getValue() : null;
    }

    private static long parse(String value) {
        return value == null ? 0L : Long.parseLong(value);
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
