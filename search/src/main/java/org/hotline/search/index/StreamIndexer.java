package org.hotline.search.index;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.hotline.search.SearchConfig;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.TicketSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the search backend from the Redis streams with a consumer group. Entries are acknowledged
 * only after the backend took them, so while the backend is down the backlog stays pending in Redis
 * and is read again (pending entries first) once it answers. Versions make re-delivery harmless.
 * Unreadable entries and documents the backend refuses are parked with their error, then acknowledged.
 *
 * <p>Consumer names are per node. Entries another consumer read but left unacknowledged for
 * {@code claimIdle} (a node killed mid-batch that never comes back under its name) are taken over
 * with XAUTOCLAIM and read again as this consumer's pending entries.
 *
 * <p>Needs a connection of its own: XREADGROUP blocks it for up to {@code indexerIdle}.
 */
public final class StreamIndexer extends VerticleBase {

    /** Event-bus address published after each indexed batch (body: number of entries), e.g. for the dashboard. */
    public static final String INDEXED_ADDRESS = "hotline.search.indexed";
    private static final Logger LOG = LoggerFactory.getLogger(StreamIndexer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Far above a batch's indexing time, so a live but slow node keeps its entries. */
    public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(60);

    private final TicketSearch search;
    private final StatefulRedisConnection<String, String> connection;
    private final StreamEntries entries;
    private final SearchConfig config;
    private final Parking parking;
    private final Duration claimIdle;
    private final Map<String, String> claimCursors = new HashMap<>();
    private boolean pendingFirst = true;
    private boolean claimedWaiting;
    private long claimTimer = -1;
    private boolean stopped;
    private long backoffMillis = 250;

    public StreamIndexer(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         SearchConfig config) {
        this(search, connection, entries, config, DEFAULT_CLAIM_IDLE);
    }

    /** {@code claimIdle}: how long another consumer's unacknowledged entry waits before this one takes it over. */
    public StreamIndexer(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         SearchConfig config, Duration claimIdle) {
        this.claimIdle = claimIdle;
        this.search = search;
        this.connection = connection;
        this.entries = entries;
        this.config = config;
        this.parking = new Parking();
    }

    @Override
    public Future<?> start() {
        Future<Void> groups = Future.succeededFuture();
        for (String stream : StreamEntries.STREAMS) {
            groups = groups.compose(v -> createGroup(stream));
        }
        return groups.onSuccess(v -> {
            context.runOnContext(x -> poll());
            // the claim waits behind a blocking read on this connection (≤ indexerIdle): fine at this period
            claimTimer = vertx.setPeriodic(Math.max(100, claimIdle.toMillis() / 2), id -> claimIdleEntries());
        });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(claimTimer);
        return Future.succeededFuture();
    }

    private Future<Void> createGroup(String stream) {
        return redis(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), config.consumerGroup(),
                XGroupCreateArgs.Builder.mkstream()))
                .<Void>mapEmpty()
                .recover(e -> e instanceof RedisBusyException || String.valueOf(e.getMessage()).contains("BUSYGROUP")
                        ? Future.succeededFuture() : Future.failedFuture(e));
    }

    private void poll() {
        if (stopped) {
            return;
        }
        boolean fromPending = pendingFirst || claimedWaiting;
        claimedWaiting = false;
        read(fromPending).compose(this::process).onComplete(done -> {
            if (done.succeeded()) {
                backoffMillis = 250;
                pendingFirst = fromPending && done.result() > 0;
                context.runOnContext(v -> poll());
            } else {
                LOG.warn("indexing paused, backlog stays in redis [retryInMs={}, cause={}]", backoffMillis, done.cause().toString());
                pendingFirst = true;
                vertx.setTimer(backoffMillis, t -> poll());
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Future<List<StreamMessage<String, String>>> read(boolean fromPending) {
        XReadArgs.StreamOffset<String>[] offsets = StreamEntries.STREAMS.stream()
                .map(s -> fromPending ? XReadArgs.StreamOffset.from(s, "0") : XReadArgs.StreamOffset.lastConsumed(s))
                .toArray(XReadArgs.StreamOffset[]::new);
        XReadArgs args = XReadArgs.Builder.count(config.indexerBatch());
        if (!fromPending) {
            args.block(config.indexerIdle());
        }
        return redis(c -> c.xreadgroup(Consumer.from(config.consumerGroup(), config.consumerName()), args, offsets));
    }

    /**
     * Moves one page of long-unacknowledged entries of each stream to this consumer (JUSTID: the
     * bodies are read by the next pending read). XAUTOCLAIM is atomic: two survivors never share an entry.
     */
    private void claimIdleEntries() {
        if (stopped) {
            return;
        }
        for (String stream : StreamEntries.STREAMS) {
            XAutoClaimArgs<String> args = new XAutoClaimArgs<String>()
                    .consumer(Consumer.from(config.consumerGroup(), config.consumerName()))
                    .minIdleTime(claimIdle).startId(claimCursors.getOrDefault(stream, "0-0"))
                    .count(config.indexerBatch()).justid();
            redis(c -> c.xautoclaim(stream, args)).onSuccess(claimed -> {
                claimCursors.put(stream, claimed.getId() == null ? "0-0" : claimed.getId());
                if (!claimed.getMessages().isEmpty()) {
                    LOG.info("claimed entries left by another indexer [stream={}, count={}]", stream, claimed.getMessages().size());
                    claimedWaiting = true;
                }
            }).onFailure(e -> LOG.warn("claiming idle entries failed, retried later [stream={}, cause={}]", stream, e.toString()));
        }
    }

    /** Indexes one read and acknowledges it; the count of entries handled decides whether pending ones remain. */
    private Future<Integer> process(List<StreamMessage<String, String>> messages) {
        if (messages.isEmpty()) {
            return Future.succeededFuture(0);
        }
        Map<String, List<StreamMessage<String, String>>> byStream = new LinkedHashMap<>();
        messages.forEach(m -> byStream.computeIfAbsent(m.getStream(), s -> new ArrayList<>()).add(m));
        // segmenting Chinese text is CPU work: keep it off the event loop
        return vertx.executeBlocking(() -> read(byStream), false).compose(batch -> {
                    // tickets and records go to different indices and are idempotent: send both at once
                    Future<IndexOutcome> tickets = search.index(batch.tickets());
                    Future<IndexOutcome> records = search.record(batch.records());
                    return Future.all(tickets, records).map(v -> refusals(tickets.result(), records.result()))
                            .compose(refused -> parking.park(connection, context, batch.poison(), refused));
                })
                .compose(v -> acknowledge(byStream))
                .onSuccess(v -> vertx.eventBus().publish(INDEXED_ADDRESS, messages.size()))
                .map(messages.size());
    }

    private StreamEntries.Batch read(Map<String, List<StreamMessage<String, String>>> byStream) {
        var all = new StreamEntries.Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        byStream.forEach((stream, list) -> {
            StreamEntries.Batch batch = entries.read(stream, list);
            all.tickets().addAll(batch.tickets());
            all.records().addAll(batch.records());
            all.poison().addAll(batch.poison());
        });
        return all;
    }

    private static List<IndexOutcome.Refused> refusals(IndexOutcome tickets, IndexOutcome records) {
        var all = new ArrayList<>(tickets.refused());
        all.addAll(records.refused());
        return all;
    }

    private Future<Void> acknowledge(Map<String, List<StreamMessage<String, String>>> byStream) {
        var acks = new ArrayList<Future<Long>>();
        byStream.forEach((stream, list) -> acks.add(redis(c -> c.xack(stream, config.consumerGroup(),
                list.stream().map(StreamMessage::getId).toArray(String[]::new)))));
        return Future.all(acks).mapEmpty();
    }

    private <T> Future<T> redis(java.util.function.Function<RedisAsyncCommands<String, String>, CompletionStage<T>> call) {
        return Future.fromCompletionStage(call.apply(connection.async()), context);
    }
}
