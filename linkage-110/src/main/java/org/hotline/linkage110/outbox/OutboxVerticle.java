package org.hotline.linkage110.outbox;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.ZAddArgs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.exchange.ExchangeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the 110 platform. The stream entry stays pending in the consumer group
 * until the peer confirmed receipt or the message was parked, so a crash or a 110 outage loses
 * nothing; retries wait in a sorted set (score = due time) with exponential back-off and jitter.
 * Any node delivers what is due. An entry a node read but had not yet scheduled when it died stays in
 * that node's pending list: after {@link #CLAIM_IDLE} a live node claims it (XAUTOCLAIM) and schedules it.
 */
public final class OutboxVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxVerticle.class);
    private static final int BATCH = 50;
    /** Far above one delivery attempt, so a live node's in-flight entries stay its own. */
    static final Duration CLAIM_IDLE = Duration.ofSeconds(60);

    private final RedisOps redis;
    private final ExchangeClient client;
    private final DeliveryListener listener;
    private final Linkage110Config config;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration claimIdle;
    private long timer = -1;
    private long claimTimer = -1;
    private boolean busy;
    private String claimCursor = "0-0";

    public OutboxVerticle(RedisOps redis, ExchangeClient client, DeliveryListener listener,
                          Linkage110Config config, Clock clock) {
        this(redis, client, listener, config, clock, CLAIM_IDLE);
    }

    /** {@code claimIdle}: how long another node's unscheduled entry waits before this one takes it over. */
    public OutboxVerticle(RedisOps redis, ExchangeClient client, DeliveryListener listener,
                          Linkage110Config config, Clock clock, Duration claimIdle) {
        this.claimIdle = claimIdle;
        this.redis = redis;
        this.client = client;
        this.listener = listener;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.baseBackoff(), config.maxBackoff());
    }

    @Override
    public Future<?> start() {
        return createGroup().compose(v -> recoverPending()).onSuccess(v -> {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
            claimTimer = vertx.setPeriodic(Math.max(100, claimIdle.toMillis() / 2), id -> claimIdleEntries());
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        vertx.cancelTimer(claimTimer);
        return Future.succeededFuture();
    }

    private Future<Void> createGroup() {
        return redis.call(r -> r.xgroupCreate(XReadArgs.StreamOffset.from(LinkageKeys.OUTBOX, "0"),
                        LinkageKeys.OUTBOX_GROUP, XGroupCreateArgs.Builder.mkstream()))
                .<Void>mapEmpty()
                .recover(e -> String.valueOf(e.getCause()).contains("BUSYGROUP")
                        ? Future.succeededFuture() : Future.failedFuture(e));
    }

    /** Entries read before a crash but never scheduled become due now. */
    private Future<Void> recoverPending() {
        return redis.call(r -> r.xreadgroup(consumer(), XReadArgs.Builder.count(10_000),
                        XReadArgs.StreamOffset.from(LinkageKeys.OUTBOX, "0")))
                .compose(pending -> Future.all(pending.stream().map(m -> scheduleIfAbsent(m.getId())).toList()))
                .mapEmpty();
    }

    /**
     * Takes over one page of entries left unacknowledged by any consumer and schedules them now unless
     * they already wait for a retry (NX keeps a back-off as it was). Delivery is idempotent for the peer
     * (idempotency key), so an entry claimed while its first attempt was still in the air is harmless.
     */
    private void claimIdleEntries() {
        XAutoClaimArgs<String> args = new XAutoClaimArgs<String>().consumer(consumer())
                .minIdleTime(claimIdle).startId(claimCursor).count(BATCH).justid();
        redis.call(r -> r.xautoclaim(LinkageKeys.OUTBOX, args))
                .compose(claimed -> {
                    claimCursor = claimed.getId() == null ? "0-0" : claimed.getId();
                    return Future.all(claimed.getMessages().stream().map(m -> scheduleIfAbsent(m.getId())).toList());
                })
                .onFailure(e -> LOG.warn("claiming idle outbox entries failed, retried later [reason={}]", e.getMessage()));
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        readNew().compose(this::deliverAll)
                .compose(v -> readDue()).compose(this::deliverAll)
                .onFailure(e -> LOG.warn("outbox round failed [reason={}]", e.getMessage()))
                .onComplete(v -> busy = false);
    }

    private Future<List<OutboxMessage>> readNew() {
        return redis.call(r -> r.xreadgroup(consumer(), XReadArgs.Builder.count(BATCH),
                        XReadArgs.StreamOffset.lastConsumed(LinkageKeys.OUTBOX)))
                .map(list -> list.stream().map(OutboxVerticle::message).toList());
    }

    private Future<List<OutboxMessage>> readDue() {
        double now = clock.millis();
        return redis.call(r -> r.zrangebyscore(LinkageKeys.OUTBOX_DUE, Range.create(0d, now), Limit.create(0, BATCH)))
                .compose(ids -> Future.all(ids.stream().map(this::entry).toList()))
                .map(all -> all.<OutboxMessage>list().stream().filter(m -> m != null).toList());
    }

    private Future<OutboxMessage> entry(String id) {
        return redis.call(r -> r.xrange(LinkageKeys.OUTBOX, Range.create(id, id)))
                .compose(found -> found.isEmpty()
                        ? redis.call(r -> r.zrem(LinkageKeys.OUTBOX_DUE, id)).map((OutboxMessage) null)
                        : Future.succeededFuture(message(found.get(0))));
    }

    private Future<Void> deliverAll(List<OutboxMessage> messages) {
        return Future.join(messages.stream().map(this::deliver).toList()).mapEmpty();
    }

    private Future<Void> deliver(OutboxMessage message) {
        return client.post(message.path(), message.idempotencyKey(), message.body())
                .map(response -> DeliveryOutcome.of(response.statusCode(), response.bodyAsString()))
                .otherwise(failure -> DeliveryOutcome.retry(String.valueOf(failure.getMessage())))
                .compose(outcome -> settle(message, outcome));
    }

    private Future<Void> settle(OutboxMessage message, DeliveryOutcome outcome) {
        return switch (outcome.kind()) {
            case DELIVERED -> listener.delivered(message).compose(v -> finish(message));
            case PARK -> park(message, outcome.reason());
            case RETRY -> retryOrPark(message, outcome.reason());
        };
    }

    private Future<Void> retryOrPark(OutboxMessage message, String reason) {
        return redis.call(r -> r.hincrby(LinkageKeys.OUTBOX_ATTEMPTS, message.entryId(), 1))
                .compose(attempts -> {
                    LOG.warn("110 delivery failed [entry={}, transfer={}, attempt={}, reason={}]",
                            message.entryId(), message.transferId(), attempts, reason);
                    if (attempts >= config.maxAttempts()) {
                        return park(message, "gave up after " + attempts + " attempts: " + reason);
                    }
                    long due = clock.millis() + backoff.delayAfter(attempts.intValue(),
                            ThreadLocalRandom.current()::nextDouble).toMillis();
                    return redis.call(r -> r.zadd(LinkageKeys.OUTBOX_DUE, due, message.entryId())).mapEmpty();
                });
    }

    private Future<Void> park(OutboxMessage message, String reason) {
        LOG.error("110 message parked [entry={}, transfer={}, reason={}]", message.entryId(),
                message.transferId(), reason);
        var fields = message.toFields();
        fields.put("entryId", message.entryId());
        fields.put("reason", reason);
        fields.put("parkedAt", clock.instant().toString());
        return redis.call(r -> r.xadd(LinkageKeys.OUTBOX_PARKED, fields))
                .compose(id -> listener.parked(message, reason))
                .compose(v -> finish(message));
    }

    private Future<Void> finish(OutboxMessage message) {
        String id = message.entryId();
        return redis.call(r -> r.xack(LinkageKeys.OUTBOX, LinkageKeys.OUTBOX_GROUP, id))
                .compose(v -> redis.call(r -> r.xdel(LinkageKeys.OUTBOX, id)))
                .compose(v -> redis.call(r -> r.zrem(LinkageKeys.OUTBOX_DUE, id)))
                .compose(v -> redis.call(r -> r.hdel(LinkageKeys.OUTBOX_ATTEMPTS, id)))
                .mapEmpty();
    }

    private Future<Void> scheduleIfAbsent(String id) {
        return redis.call(r -> r.zadd(LinkageKeys.OUTBOX_DUE, ZAddArgs.Builder.nx(), (double) clock.millis(), id))
                .mapEmpty();
    }

    private Consumer<String> consumer() {
        return Consumer.from(LinkageKeys.OUTBOX_GROUP, config.consumerName());
    }

    private static OutboxMessage message(StreamMessage<String, String> m) {
        return OutboxMessage.fromFields(m.getId(), m.getBody());
    }
}
