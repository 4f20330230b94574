package org.hotline.linkage110.outbox;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.Handled;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.exchange.ExchangeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the 110 platform. New entries reach it through the core consumer group
 * ({@link LinkageKeys#OUTBOX_GROUP}) and are acknowledged only after their first attempt settled:
 * delivered, parked, or waiting for a retry in a sorted set (score = due time, exponential back-off
 * with jitter), so a crash or a 110 outage loses nothing. Any node delivers what is due. An entry a
 * node read but had not settled when it died is claimed by a live node after {@link #CLAIM_IDLE} and
 * delivered again (the idempotency key makes a second copy harmless for 110).
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
    private final ConsumerGroup<StreamEntry> group;
    private long timer = -1;
    private boolean busy;

    public OutboxVerticle(RedisOps redis, RedisAsyncCommands<String, String> commands, ExchangeClient client,
                          DeliveryListener listener, Linkage110Config config, Clock clock) {
        this(redis, commands, client, listener, config, clock, CLAIM_IDLE);
    }

    /** {@code claimIdle}: how long another node's unscheduled entry waits before this one takes it over. */
    public OutboxVerticle(RedisOps redis, RedisAsyncCommands<String, String> commands, ExchangeClient client,
                          DeliveryListener listener, Linkage110Config config, Clock clock, Duration claimIdle) {
        this.redis = redis;
        this.client = client;
        this.listener = listener;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.baseBackoff(), config.maxBackoff());
        this.group = ConsumerGroup.entries(commands, GroupSettings.of(LinkageKeys.OUTBOX_GROUP, config.consumerName(),
                        LinkageKeys.OUTBOX, true).page(BATCH).idle(config.pollInterval()).claimIdle(claimIdle),
                batch -> deliverAll(batch.stream().map(e -> OutboxMessage.fromFields(e.id(), e.fields())).toList())
                        .map(Handled.all()));
    }

    /** The group is deployed from here, so Vert.x undeploys it with this verticle. */
    @Override
    public Future<?> start() {
        return vertx.deployVerticle(group).onSuccess(id -> timer = vertx.setPeriodic(config.pollInterval().toMillis(), t -> tick()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** Retries that are due; new entries come through the consumer group. */
    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        readDue().compose(this::deliverAll)
                .onFailure(e -> LOG.warn("outbox round failed [reason={}]", e.getMessage()))
                .onComplete(v -> busy = false);
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
                        : Future.succeededFuture(OutboxMessage.fromFields(found.get(0).getId(), found.get(0).getBody())));
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
}
