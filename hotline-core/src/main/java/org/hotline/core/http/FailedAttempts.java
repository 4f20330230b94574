package org.hotline.core.http;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.redis.LuaScript;

/**
 * Failed attempts against one subject (an account's password, a ticket's query code) counted in Redis
 * ({@code hotline:attempts:{scope}:{subject}}), shared by every node and independent of the client's
 * address, so guessing from many addresses counts the same. At the limit the subject is locked until
 * the period since the first failure has passed, or an administrator clears it; a success clears it.
 */
public final class FailedAttempts {

    static final String KEY_PREFIX = "hotline:attempts:";
    // INCR and set the expiry on the first failure in one step, so a crash cannot leave a lock without TTL
    private static final String SCRIPT = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return {count}
        """;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final LuaScript script;

    public FailedAttempts(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
        this.script = LuaScript.of("failed-attempts", SCRIPT, redis);
    }

    /**
     * At most {@code limit} failures per {@code period} for one subject; over it, the 429 problem
     * {@code code} with this Chinese {@code message}.
     */
    public record Policy(String scope, int limit, Duration period, String code, String message) {
        public Policy {
            if (scope == null || scope.isBlank() || limit < 1 || period == null || period.toMillis() < 1000) {
                throw new IllegalArgumentException("an attempt policy needs a scope, limit >= 1 and a period >= 1 s");
            }
        }
    }

    /** Fails with 429 (and when to retry) while the subject has used up its failures. */
    public Future<Void> requireOpen(Policy policy, String subject) {
        String key = key(policy, subject);
        return bridge(redis.get(key)).compose(count -> count == null || Long.parseLong(count) < policy.limit()
            ? Future.<Void>succeededFuture()
            : bridge(redis.pttl(key)).compose(ttl -> Future.failedFuture(
                new RetryLater(Math.max(1000, ttl), policy.code(), policy.message()))));
    }

    /** Counts one failure of the subject. */
    public Future<Void> fail(Policy policy, String subject) {
        return bridge(script.run(redis, new String[] {key(policy, subject)}, new String[] {Long.toString(policy.period().toMillis())}))
            .mapEmpty();
    }

    /** Forgets the subject's failures (a success, or an administrator unlocking it). */
    public Future<Void> clear(Policy policy, String subject) {
        return bridge(redis.del(key(policy, subject))).mapEmpty();
    }

    private static String key(Policy policy, String subject) {
        return KEY_PREFIX + policy.scope() + ":" + subject;
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
