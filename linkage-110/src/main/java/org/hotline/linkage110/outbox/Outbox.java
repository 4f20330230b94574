package org.hotline.linkage110.outbox;

import io.vertx.core.Future;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/** Puts messages for the 110 platform into the durable outbox stream; delivery is the verticle's job. */
public final class Outbox {

    private final RedisOps redis;

    public Outbox(RedisOps redis) {
        this.redis = redis;
    }

    /** Returns the stream entry id once the message is durable in Redis. */
    public Future<String> enqueue(OutboxMessage message) {
        return redis.call(r -> r.xadd(LinkageKeys.OUTBOX, message.toFields()));
    }
}
