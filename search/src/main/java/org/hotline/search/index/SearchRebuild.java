package org.hotline.search.index;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.port.TicketSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the search indices from Redis: reads the ticket event stream and the history import from
 * their first entry, page by page, and indexes every snapshot. External versions make it safe to run
 * on a live index next to the indexer (older snapshots are ignored). Unreadable entries are parked.
 */
public final class SearchRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRebuild.class);

    private final TicketSearch search;
    private final StatefulRedisConnection<String, String> connection;
    private final StreamEntries entries;
    private final int page;

    public SearchRebuild(TicketSearch search, StatefulRedisConnection<String, String> connection, StreamEntries entries, int page) {
        this.search = search;
        this.connection = connection;
        this.entries = entries;
        this.page = page;
    }

    /** Completes with the number of stream entries read. */
    public Future<Long> run(Context context) {
        return stream(context, RedisKeys.TICKET_EVENTS, "-", 0)
                .compose(events -> stream(context, StreamEntries.HISTORY_IMPORT, "-", events))
                .compose(total -> search.refresh().map(total))
                .onSuccess(total -> LOG.info("search rebuild finished [entries={}]", total));
    }

    private Future<Long> stream(Context context, String stream, String start, long done) {
        return Future.fromCompletionStage(connection.async().xrange(stream, Range.create(start, "+"), Limit.from(page)), context)
                .compose(messages -> messages.isEmpty() ? Future.succeededFuture(done)
                        : index(context, stream, messages).compose(v -> stream(context, stream,
                                "(" + messages.get(messages.size() - 1).getId(), done + messages.size())));
    }

    private Future<Void> index(Context context, String stream, List<StreamMessage<String, String>> messages) {
        StreamEntries.Batch batch = entries.read(stream, messages);
        return search.index(batch.tickets())
                .compose(outcome -> search.record(batch.records())
                        .compose(r -> new Parking().park(connection, context, batch.poison(), outcome.refused())));
    }
}
