package org.hotline.linkage110.transfer;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
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
 * succeeded, so a crash or an outage loses nothing (it is handled again). Consumer names are per
 * node: entries another consumer left unacknowledged for {@link #CLAIM_IDLE} (a node killed that never
 * comes back under its name) are claimed with XAUTOCLAIM, atomically, and handled here.
 */
abstract class TicketEventConsumer extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(TicketEventConsumer.class);
    /** Far above an entry's handling time, so a live but slow node keeps its entries. */
    static final Duration CLAIM_IDLE = Duration.ofSeconds(60);

    private final RedisOps redis;
    private final String group;
    private final String consumer;
    private final Duration poll;
    private final Duration claimIdle;
    private long timer = -1;
    private long claimTimer = -1;
    private boolean busy;
    private boolean claimDue;
    private String claimCursor = "0-0";

    TicketEventConsumer(RedisOps redis, String group, String consumer, Duration poll) {
        this(redis, group, consumer, poll, CLAIM_IDLE);
    }

    TicketEventConsumer(RedisOps redis, String group, String consumer, Duration poll, Duration claimIdle) {
        this.claimIdle = claimIdle;
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
                .onSuccess(v -> {
                    timer = vertx.setPeriodic(poll.toMillis(), id -> tick());
                    claimTimer = vertx.setPeriodic(Math.max(100, claimIdle.toMillis() / 2), id -> claimDue = true);
                });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        vertx.cancelTimer(claimTimer);
        return Future.succeededFuture();
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        boolean claim = claimDue;
        claimDue = false;
        read("0").compose(this::handleAll)
                .compose(v -> read(">")).compose(this::handleAll)
                .compose(v -> claim ? claimPage() : Future.succeededFuture())
                .onFailure(e -> LOG.warn("ticket event round failed [group={}, reason={}]", group, e.getMessage()))
                .onComplete(v -> busy = false);
    }

    private Future<List<StreamMessage<String, String>>> read(String offset) {
        return redis.call(r -> r.xreadgroup(Consumer.from(group, consumer), XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, offset)));
    }

    /** One XAUTOCLAIM page: the claimed entries become this consumer's and are handled like its own. */
    private Future<Void> claimPage() {
        XAutoClaimArgs<String> args = new XAutoClaimArgs<String>().consumer(Consumer.from(group, consumer))
                .minIdleTime(claimIdle).startId(claimCursor).count(100);
        return redis.call(r -> r.xautoclaim(RedisKeys.TICKET_EVENTS, args)).compose(claimed -> {
            claimCursor = claimed.getId() == null ? "0-0" : claimed.getId();
            if (!claimed.getMessages().isEmpty()) {
                LOG.info("claimed ticket events left by another consumer [group={}, count={}]", group, claimed.getMessages().size());
            }
            // an entry trimmed from the stream since it was read comes back without a body: only acknowledge it
            List<StreamMessage<String, String>> live = claimed.getMessages().stream()
                    .filter(m -> m.getBody() != null && !m.getBody().isEmpty()).toList();
            List<String> gone = claimed.getMessages().stream()
                    .filter(m -> m.getBody() == null || m.getBody().isEmpty()).map(StreamMessage::getId).toList();
            Future<Void> dropGone = gone.isEmpty() ? Future.succeededFuture()
                    : redis.call(r -> r.xack(RedisKeys.TICKET_EVENTS, group, gone.toArray(String[]::new))).mapEmpty();
            return dropGone.compose(v -> handleAll(live));
        });
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
