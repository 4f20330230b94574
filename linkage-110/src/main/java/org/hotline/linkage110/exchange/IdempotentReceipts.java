package org.hotline.linkage110.exchange;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/**
 * Applies a message once per idempotency key. The first arrival claims the key, does the work and
 * stores its receipt; a repeat gets the stored receipt without any effect. A repeat that arrives while
 * the first is still working is told to retry later; if the work fails the claim is released.
 */
public final class IdempotentReceipts {

    private static final String IN_PROGRESS = "in-progress";
    private static final Duration KEEP = Duration.ofDays(7);

    private final RedisOps redis;

    public IdempotentReceipts(RedisOps redis) {
        this.redis = redis;
    }

    public Future<JsonObject> once(String party, String key, Supplier<Future<JsonObject>> work) {
        if (key == null || key.isBlank() || key.length() > 128) {
            return Future.failedFuture(HotlineException.invalid("linkage110.idempotency-key", "缺少Idempotency-Key"));
        }
        String redisKey = LinkageKeys.idempotency(party, key);
        return redis.call(r -> r.set(redisKey, IN_PROGRESS, SetArgs.Builder.nx().ex(KEEP.toSeconds())))
                .compose(claimed -> "OK".equals(claimed) ? run(redisKey, work) : replay(redisKey));
    }

    private Future<JsonObject> run(String redisKey, Supplier<Future<JsonObject>> work) {
        return work.get()
                .compose(receipt -> redis.call(r -> r.set(redisKey, receipt.encode(), SetArgs.Builder.ex(KEEP.toSeconds())))
                        .map(receipt))
                .recover(failure -> redis.call(r -> r.del(redisKey))
                        .transform(ignored -> Future.failedFuture(failure)));
    }

    private Future<JsonObject> replay(String redisKey) {
        return redis.call(r -> r.get(redisKey)).compose(stored -> stored == null || IN_PROGRESS.equals(stored)
                ? Future.failedFuture(HotlineException.unavailable("linkage110.in-progress", "同一请求正在处理，请稍后重试", null))
                : Future.succeededFuture(new JsonObject(stored).put("duplicate", true)));
    }
}
