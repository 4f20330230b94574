package org.hotline.linkage110.outbox;

import io.lettuce.core.Range;
import io.vertx.core.Future;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/** Puts messages for the 110 platform into the durable outbox stream; delivery is the verticle's job. */
public final class Outbox {

    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    private final RedisOps redis;

    public Outbox(RedisOps redis) {
        this.redis = redis;
    }

    /**
     * Puts a parked message back for delivery (after the cause was fixed), with its original
     * idempotency key so the peer still applies it at most once.
     *
     * @return the parked message, or a NOT_FOUND failure
     */
    public Future<OutboxMessage> requeueParked(String parkedId) {
        if (parkedId == null || !STREAM_ID.matcher(parkedId).matches()) {
            // Redis answers a malformed id with an error: refuse it here as the caller's mistake
            return Future.failedFuture(HotlineException.invalid("linkage110.bad-parked-id",
                    "搁置消息编号格式不正确，应形如 1700000000000-0"));
        }
        return redis.call(r -> r.xrange(LinkageKeys.OUTBOX_PARKED, Range.create(parkedId, parkedId)))
                .compose(found -> found.isEmpty()
                        ? Future.failedFuture(HotlineException.notFound("linkage110.parked-not-found", "没有该搁置消息：" + parkedId))
                        : Future.succeededFuture(OutboxMessage.fromFields(null, found.get(0).getBody())))
                .compose(message -> enqueue(message)
                        .compose(id -> redis.call(r -> r.xdel(LinkageKeys.OUTBOX_PARKED, parkedId)))
                        .map(message));
    }

    /** Returns the stream entry id once the message is durable in Redis. */
    public Future<String> enqueue(OutboxMessage message) {
        return redis.call(r -> r.xadd(LinkageKeys.OUTBOX, message.toFields()));
    }
}
