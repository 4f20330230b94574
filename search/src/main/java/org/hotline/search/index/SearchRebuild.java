package org.hotline.search.index;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.List;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.redis.ArchivedTicket;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.rebuild.Rebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the search indices from Redis. First every ticket from its own keys (SCAN of the ticket
 * hashes, a page at a time: each ticket's current snapshot and its event list), then the closed tickets that
 * left Redis for the {@link TicketArchive} after their retention (the same two things), because the ticket
 * event stream is trimmed once every group acknowledged (ADR 0005) and keeps only the last hour or so;
 * then the streams from their first entry, page by page: what the ticket event stream still holds (events
 * of tickets older than their event list; harmless otherwise: versions and record ids make the replay
 * idempotent), call records and the history import, which are never trimmed. External versions make it safe to run
 * on a live index next to the indexer (older snapshots are ignored), and for the same reason pages
 * may be indexed out of order: up to {@code concurrency} pages are in flight while the next one is
 * read, and the snapshots' text is segmented on worker threads. A backend that supports
 * {@link BulkLoading} is switched to its bulk-load mode for the duration. Unreadable entries are parked.
 */
public final class SearchRebuild implements Rebuilder {

    /** Two pages in flight keep both the backend and the segmenting worker busy on a small machine. */
    public static final int DEFAULT_CONCURRENCY = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SearchRebuild.class);

    private final TicketSearch search;
    private final StatefulRedisConnection<String, String> connection;
    private final StreamEntries entries;
    private final int page;
    private final int concurrency;
    private final TicketArchive archive;

    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries, int page) {
        this(search, connection, entries, page, DEFAULT_CONCURRENCY);
    }

    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         int page, int concurrency) {
        this(search, connection, entries, page, concurrency, TicketArchive.none());
    }

    /** A rebuild that also reads the tickets archived out of Redis after their retention ({@code archive}). */
    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         int page, int concurrency, TicketArchive archive) {
        if (page < 1 || concurrency < 1) {
            throw new IllegalArgumentException("page and concurrency must be positive");
        }
        this.search = search;
        this.connection = connection;
        this.entries = entries;
        this.page = page;
        this.concurrency = concurrency;
        this.archive = archive;
    }

    /** What a rebuild read: ticket hashes, then stream entries. */
    public record Rebuilt(long tickets, long entries) {
    }

    /** Completes with the number of ticket hashes and stream entries read. */
    public Future<Rebuilt> run(Context context) {
        var run = new Run(context);
        Future<Rebuilt> loaded = begin()
                .compose(v -> run.tickets(ScanCursor.INITIAL, 0))
                .compose(live -> run.archived(null, live))
                .compose(tickets -> run.stream(RedisKeys.TICKET_EVENTS, "-", 0)
                        .compose(events -> run.stream(RedisKeys.CALL_RECORDS, "-", events))
                        .compose(calls -> run.stream(StreamEntries.HISTORY_IMPORT, "-", calls))
                        .map(entries -> new Rebuilt(tickets, entries)))
                .compose(total -> run.drain().map(total));
        // the normal settings come back whether or not the load succeeded; the load's own failure wins
        return loaded.transform(result -> end().transform(ended -> result.failed() ? Future.<Rebuilt>failedFuture(result.cause())
                        : ended.failed() ? Future.<Rebuilt>failedFuture(ended.cause()) : Future.succeededFuture(result.result())))
                .compose(total -> search.refresh().map(total))
                // the embedded index commits on a policy: the rebuild is done once it is on disk
                .compose(total -> search.durable().map(total))
                .onSuccess(total -> LOG.info("search rebuild finished [tickets={}, entries={}]", total.tickets(), total.entries()));
    }

    /** The same run as the operators' rebuild jobs count it. */
    @Override
    public Future<Counts> rebuild(Context context) {
        return run(context).map(total -> new Counts(total.tickets(), total.entries()));
    }

    private KeyScanArgs ticketScan() {
        return KeyScanArgs.Builder.type("hash").match(CurrentSnapshots.TICKET_KEY_PREFIX + "*").limit(page);
    }

    private Future<Void> begin() {
        return search instanceof BulkLoading b ? b.beginBulkLoad() : Future.succeededFuture();
    }

    private Future<Void> end() {
        return search instanceof BulkLoading b ? b.endBulkLoad() : Future.succeededFuture();
    }

    /** One run's pages in flight, all on the run's context. */
    private final class Run {

        private final Context context;
        private final ArrayDeque<Future<Void>> inFlight = new ArrayDeque<>();

        Run(Context context) {
            this.context = context;
        }

        /** Pages through the ticket hashes (SCAN may return a page with no keys before it is finished). */
        Future<Long> tickets(ScanCursor cursor, long done) {
            return room()
                    .compose(v -> Future.fromCompletionStage(connection.async().scan(cursor, ticketScan()), context))
                    .compose(scanned -> {
                        List<String> ids = scanned.getKeys().stream()
                                .map(key -> key.substring(CurrentSnapshots.TICKET_KEY_PREFIX.length())).toList();
                        if (!ids.isEmpty()) {
                            inFlight.addLast(index(entries.readStored(ids, context, connection)));
                        }
                        return scanned.isFinished() ? Future.succeededFuture(done + ids.size()) : tickets(scanned, done + ids.size());
                    });
        }

        /** Then the archived tickets, a page of ids at a time, read the same way as the live ones. */
        Future<Long> archived(String after, long done) {
            return room()
                    .compose(v -> archive.ids(after, page))
                    .compose(ids -> {
                        if (ids.isEmpty()) {
                            return Future.succeededFuture(done);
                        }
                        inFlight.addLast(index(readArchived(ids)));
                        return archived(ids.get(ids.size() - 1), done + ids.size());
                    });
        }

        private Future<StreamEntries.Batch> readArchived(List<String> ids) {
            List<Future<java.util.Optional<String>>> documents = ids.stream().map(archive::find).toList();
            return Future.all(documents).compose(all -> context.owner().executeBlocking(() -> entries.readStored(
                    documents.stream().flatMap(d -> d.result().stream()).map(ArchivedTicket::parse)
                            .map(t -> new StreamEntries.StoredTicket(t.id(), t.snapshotJson(), t.events())).toList()), false));
        }

        Future<Long> stream(String stream, String start, long done) {
            return room()
                    .compose(v -> Future.fromCompletionStage(connection.async().xrange(stream, Range.create(start, "+"), Limit.from(page)), context))
                    .compose(messages -> {
                        if (messages.isEmpty()) {
                            return Future.succeededFuture(done);
                        }
                        inFlight.addLast(index(entries.readAll(stream, messages, context, connection)));
                        return stream(stream, "(" + messages.get(messages.size() - 1).getId(), done + messages.size());
                    });
        }

        /** Waits for the oldest page while {@code concurrency} pages are in flight; a failed page fails the rebuild. */
        private Future<Void> room() {
            return inFlight.size() < concurrency ? Future.succeededFuture() : inFlight.removeFirst().compose(v -> room());
        }

        Future<Void> drain() {
            return Future.all(List.copyOf(inFlight)).mapEmpty();
        }

        private Future<Void> index(Future<StreamEntries.Batch> read) {
            return read.compose(batch -> {
                Future<IndexOutcome> tickets = search.index(batch.tickets());
                return Future.all(tickets, search.record(batch.records()))
                        .compose(v -> new Parking().park(connection, context, batch.poison(), tickets.result().refused()));
            });
        }
    }
}
