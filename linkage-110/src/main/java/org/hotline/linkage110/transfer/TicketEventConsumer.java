package org.hotline.linkage110.transfer;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.hotline.linkage110.RedisOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer group on the ticket event stream, polled: each round first re-reads this consumer's
 * entries that failed before, then new ones; an entry is acknowledged only after {@link #handle}
 * succeeded, so a crash or an outage loses nothing (it is handled again).
 */
abstract class TicketEventConsumer extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(TicketEventConsumer.class);

    private final RedisOps redis;
    private final String group;
    private final String consumer;
    private final Duration poll;
    private long timer = -1;
    private boolean busy;

    TicketEventConsumer(RedisOps redis, String group, String consumer, Duration poll) {
        this.redis = redis;
        this.group = group;
        this.consumer = consumer;
        this.poll = poll;
    }

    /** Handles one stream entry's fields; a failed future leaves the entry pending for the next round. */
    abstract Future<Void> handle(Map<String, String> entry);

    @Override
    public Future<?> start() {
        return redis.call(r -> r.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "$"), group,
                        XGroupCreateArgs.Builder.mkstream()))
                .recover(e -> String.valueOf(e.getCause()).contains("BUSYGROUP") ? Future.succeededFuture() : Future.failedFuture(e))
                .onSuccess(v -> timer = vertx.setPeriodic(poll.toMillis(), id -> tick()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        read("0").compose(this::handleAll)
                .compose(v -> read(">")).compose(this::handleAll)
                .onFailure(e -> LOG.warn("ticket event round failed [group={}, reason={}]", group, e.getMessage()))
                .onComplete(v -> busy = false);
    }

    private Future<List<StreamMessage<String, String>>> read(String offset) {
        return redis.call(r -> r.xreadgroup(Consumer.from(group, consumer), XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, offset)));
    }

    private Future<Void> handleAll(List<StreamMessage<String, String>> entries) {
        Future<Void> chain = Future.succeededFuture();
        for (var entry : entries) {
            chain = chain.compose(v -> handle(entry.getBody())
                    .compose(x -> redis.call(r -> r.xack(RedisKeys.TICKET_EVENTS, group, entry.getId())))
                    .mapEmpty());
        }
        return chain;
    }
}
