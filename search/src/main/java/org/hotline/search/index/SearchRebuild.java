package org.hotline.search.index;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.List;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.TicketSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the search indices from Redis: reads the ticket event stream and the history import from
 * their first entry, page by page, and indexes every snapshot. External versions make it safe to run
 * on a live index next to the indexer (older snapshots are ignored), and for the same reason pages
 * may be indexed out of order: up to {@code concurrency} pages are in flight while the next one is
 * read, and the snapshots' text is segmented on worker threads. A backend that supports
 * {@link BulkLoading} is switched to its bulk-load mode for the duration. Unreadable entries are parked.
 */
public final class SearchRebuild {

    /** Two pages in flight keep both the backend and the segmenting worker busy on a small machine. */
    public static final int DEFAULT_CONCURRENCY = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SearchRebuild.class);

    private final TicketSearch search;
    private final StatefulRedisConnection<String, String> connection;
    private final StreamEntries entries;
    private final int page;
    private final int concurrency;

    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries, int page) {
        this(search, connection, entries, page, DEFAULT_CONCURRENCY);
    }

    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries,
                         int page, int concurrency) {
        if (page < 1 || concurrency < 1) {
            throw new IllegalArgumentException("page and concurrency must be positive");
        }
        this.search = search;
        this.connection = connection;
        this.entries = entries;
        this.page = page;
        this.concurrency = concurrency;
    }

    /** Completes with the number of stream entries read. */
    public Future<Long> run(Context context) {
        var run = new Run(context);
        Future<Long> loaded = begin()
                .compose(v -> run.stream(RedisKeys.TICKET_EVENTS, "-", 0))
                .compose(events -> run.stream(StreamEntries.HISTORY_IMPORT, "-", events))
                .compose(total -> run.drain().map(total));
        // the normal settings come back whether or not the load succeeded; the load's own failure wins
        return loaded.transform(result -> end().transform(ended -> result.failed() ? Future.<Long>failedFuture(result.cause())
                        : ended.failed() ? Future.<Long>failedFuture(ended.cause()) : Future.succeededFuture(result.result())))
                .compose(total -> search.refresh().map(total))
                // the embedded index commits on a policy: the rebuild is done once it is on disk
                .compose(total -> search.durable().map(total))
                .onSuccess(total -> LOG.info("search rebuild finished [entries={}]", total));
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

        Future<Long> stream(String stream, String start, long done) {
            return room()
                    .compose(v -> Future.fromCompletionStage(connection.async().xrange(stream, Range.create(start, "+"), Limit.from(page)), context))
                    .compose(messages -> {
                        if (messages.isEmpty()) {
                            return Future.succeededFuture(done);
                        }
                        inFlight.addLast(index(stream, messages));
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

        private Future<Void> index(String stream, List<StreamMessage<String, String>> messages) {
            return entries.readAll(stream, messages, context, connection)
                    .compose(batch -> {
                        Future<IndexOutcome> tickets = search.index(batch.tickets());
                        return Future.all(tickets, search.record(batch.records()))
                                .compose(v -> new Parking().park(connection, context, batch.poison(), tickets.result().refused()));
                    });
        }
    }
}
