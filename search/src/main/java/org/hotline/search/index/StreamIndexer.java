package org.hotline.search.index;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.Handled;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.search.SearchConfig;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.TicketSearch;

/**
 * Feeds the search backend from the streams in {@link StreamEntries#STREAMS} through core's consumer
 * group (ADR 0005), on a Redis connection of its own (the group's read blocks it for up to
 * {@code indexerIdle}). A batch is acknowledged only once the backend holds it durably
 * ({@link TicketSearch#durable()}: Lucene commits on a policy, not per batch), so after a crash, or while
 * the backend is down, the backlog stays pending in Redis and is read again; versions make re-delivery
 * harmless. Unreadable entries are parked by the group ({@link Parking#PARKED}), documents the backend
 * refuses by {@link Parking}. Entries a dead node left unacknowledged for {@code claimIdle} are claimed.
 */
public final class StreamIndexer extends VerticleBase {

    /** Event-bus address published after each indexed batch (body: number of entries), e.g. for the dashboard. */
    public static final String INDEXED_ADDRESS = "hotline.search.indexed";
    /** Far above a batch's indexing time, so a live but slow node keeps its entries. */
    public static final Duration DEFAULT_CLAIM_IDLE = GroupSettings.DEFAULT_CLAIM_IDLE;

    private final TicketSearch search;
    private final StatefulRedisConnection<String, String> connection;
    private final StreamEntries entries;
    private final GroupSettings settings;
    private final Parking parking = new Parking();

    public StreamIndexer(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         SearchConfig config) {
        this(search, connection, entries, config, DEFAULT_CLAIM_IDLE);
    }

    /** {@code claimIdle}: how long another consumer's unacknowledged entry waits before this one takes it over. */
    public StreamIndexer(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         SearchConfig config, Duration claimIdle) {
        this.search = search;
        this.connection = connection;
        this.entries = entries;
        this.settings = GroupSettings.of(config.consumerGroup(), config.consumerName(), StreamEntries.STREAMS.get(0), true)
                .streams(StreamEntries.STREAMS).page(config.indexerBatch()).idle(config.indexerIdle()).ownConnection()
                .claimIdle(claimIdle).parkedIn(Parking.PARKED)
                // only the ticket feed: call records and the history import are the only copy of what they hold
                .trimming(RedisKeys.TICKET_EVENTS);
    }

    /** The group is deployed from here, so Vert.x undeploys it with this verticle. */
    @Override
    public Future<?> start() {
        return vertx.deployVerticle(ConsumerGroup.entries(connection.async(), settings, this::index));
    }

    /** One stream's batch: read off the event loop (segmenting Chinese is CPU work), lean entries' tickets from Redis, indexed, refusals parked. */
    private Future<Handled> index(List<StreamEntry> batch) {
        String stream = batch.get(0).stream();
        List<StreamMessage<String, String>> messages = batch.stream().map(e -> new StreamMessage<>(stream, e.id(), e.fields())).toList();
        return entries.readAll(stream, messages, context, connection).compose(read -> {
            // tickets and records go to different indices and are idempotent: send both at once
            Future<IndexOutcome> tickets = search.index(read.tickets());
            Future<IndexOutcome> records = search.record(read.records());
            return Future.all(tickets, records)
                    .compose(v -> parking.park(connection, context, List.of(), refusals(tickets.result(), records.result())))
                    .onSuccess(v -> vertx.eventBus().publish(INDEXED_ADDRESS, batch.size()))
                    // asked only now: the commit it waits for must start after this batch was written
                    .map(v -> Handled.parking(read.poison().stream().map(p -> new Handled.Poison(p.entryId(), p.error())).toList())
                            .durableWhen(search.durable()));
        });
    }

    private static List<IndexOutcome.Refused> refusals(IndexOutcome tickets, IndexOutcome records) {
        var all = new ArrayList<>(tickets.refused());
        all.addAll(records.refused());
        return all;
    }
}
