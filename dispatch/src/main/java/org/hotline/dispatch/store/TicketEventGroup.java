package org.hotline.dispatch.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.stream.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polled consumer group on the ticket event stream. Each round re-reads this consumer's pending
 * entries (those whose page failed before), then reads new pages until a short one; a page is
 * acknowledged only after {@link #handlePage} succeeded, so a failure or a crash loses nothing.
 * Polling keeps the shared connection free (no blocking XREADGROUP). Consumer names are per node,
 * so each round also claims (XAUTOCLAIM) entries another consumer read but left unacknowledged for
 * longer than {@code claimIdle}: the survivors finish the work of a node that died for good.
 */
public abstract class TicketEventGroup extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(TicketEventGroup.class);

    private final RedisAsyncCommands<String, String> redis;
    private final String group;
    private final String startOffset;
    private final String consumer;
    private final Duration pollInterval;
    private final int page;
    private final Duration claimIdle;
    /** Where the next XAUTOCLAIM scan resumes; "0-0" once a scan went round the whole pending list. */
    private String claimCursor = "0-0";
    private boolean polling;
    private long timer = -1;

    /** Far above a page's handling time, so a live but slow consumer keeps its entries. */
    public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(60);

    /** {@code startOffset}: where a new group starts, "0" (whole history) or "$" (only what comes next). */
    protected TicketEventGroup(RedisAsyncCommands<String, String> redis, String group, String startOffset, String consumer,
                               Duration pollInterval, int page) {
        this(redis, group, startOffset, consumer, pollInterval, page, DEFAULT_CLAIM_IDLE);
    }

    /** {@code claimIdle}: how long another consumer's unacknowledged entry waits before this one takes it over. */
    protected TicketEventGroup(RedisAsyncCommands<String, String> redis, String group, String startOffset, String consumer,
                               Duration pollInterval, int page, Duration claimIdle) {
        if (claimIdle == null || claimIdle.isNegative() || claimIdle.isZero()) {
            throw new IllegalArgumentException("claimIdle must be positive");
        }
        this.claimIdle = claimIdle;
        this.redis = redis;
        this.group = group;
        this.startOffset = startOffset;
        this.consumer = consumer;
        this.pollInterval = pollInterval;
        this.page = page;
    }

    protected abstract Future<Void> handlePage(List<StreamMessage<String, String>> messages);

    /** Called after each round that read everything there was. */
    protected Future<Void> afterRound() {
        return Future.succeededFuture();
    }

    @Override
    public Future<?> start() {
        return LettuceBridge.toFuture(vertx, redis.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, startOffset),
                        group, XGroupCreateArgs.Builder.mkstream()))
                .recover(failure -> String.valueOf(failure.getCause()).contains("BUSYGROUP")
                        ? Future.succeededFuture("OK") : Future.failedFuture(failure))
                .onSuccess(ok -> timer = vertx.setPeriodic(pollInterval.toMillis(), id -> poll()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void poll() {
        if (polling) {
            return;
        }
        polling = true;
        // compose turns a command rejected synchronously (connection closing) into a failed future
        Future.succeededFuture().compose(v -> readPage("0")).compose(v -> claimPage()).compose(v -> readPage(">")).compose(v -> afterRound())
                .onComplete(done -> polling = false)
                .onFailure(failure -> LOG.warn("ticket event round failed [group={}, reason={}]", group, failure.toString()));
    }

    /** "0" pages through this consumer's pending entries, ">" through new ones; both stop at a short page. */
    private Future<Void> readPage(String offset) {
        return LettuceBridge.toFuture(vertx, redis.xreadgroup(Consumer.from(group, consumer), XReadArgs.Builder.count(page),
                        XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, offset)))
                .compose(messages -> handlePage(messages).compose(v -> acknowledge(messages))
                        .compose(v -> messages.size() == page && ">".equals(offset) ? readPage(offset) : Future.succeededFuture()));
    }

    /**
     * One XAUTOCLAIM page per round: the claimed entries become this consumer's, are handled like a
     * page of its own and acknowledged. XAUTOCLAIM is atomic, so two survivors never take the same entry.
     */
    private Future<Void> claimPage() {
        XAutoClaimArgs<String> args = new XAutoClaimArgs<String>().consumer(Consumer.from(group, consumer))
                .minIdleTime(claimIdle).startId(claimCursor).count(page);
        return LettuceBridge.toFuture(vertx, redis.xautoclaim(RedisKeys.TICKET_EVENTS, args)).compose(claimed -> {
            claimCursor = claimed.getId() == null ? "0-0" : claimed.getId();
            // an entry trimmed from the stream since it was read comes back without a body: nothing to handle
            List<StreamMessage<String, String>> live = claimed.getMessages().stream()
                    .filter(m -> m.getBody() != null && !m.getBody().isEmpty()).toList();
            if (!claimed.getMessages().isEmpty()) {
                LOG.info("claimed entries left by another consumer [group={}, count={}]", group, claimed.getMessages().size());
            }
            return handlePage(live).compose(v -> acknowledge(claimed.getMessages()));
        });
    }

    private Future<Void> acknowledge(List<StreamMessage<String, String>> messages) {
        if (messages.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] ids = messages.stream().map(StreamMessage::getId).toArray(String[]::new);
        return LettuceBridge.toFuture(vertx, redis.xack(RedisKeys.TICKET_EVENTS, group, ids)).mapEmpty();
    }
}
