package org.hotline.search.index;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.search.port.IndexOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where entries that can never be indexed go: the stream {@value #PARKED} with the source stream,
 * entry id or ticket id and the error, so an operator can look, fix and replay; the indexer moves on.
 * The indexer's consumer group parks unreadable entries there itself (same fields plus {@code group}).
 */
public final class Parking {

    public static final String PARKED = "hotline:stream:search-parked";
    private static final Logger LOG = LoggerFactory.getLogger(Parking.class);

    Future<Void> park(StatefulRedisConnection<String, String> connection, Context context,
                      List<StreamEntries.Poison> unreadable, List<IndexOutcome.Refused> refused) {
        var adds = new ArrayList<Future<String>>();
        for (StreamEntries.Poison p : unreadable) {
            LOG.warn("parked unreadable stream entry [stream={}, entry={}]", p.stream(), p.entryId());
            adds.add(add(connection, context, Map.of("stream", p.stream(), "entryId", p.entryId(), "error", String.valueOf(p.error()))));
        }
        for (IndexOutcome.Refused r : refused) {
            LOG.warn("parked document refused by the backend [ticketId={}]", r.ticketId());
            adds.add(add(connection, context, Map.of("ticketId", String.valueOf(r.ticketId()),
                    "version", Long.toString(r.version()), "error", String.valueOf(r.error()))));
        }
        return Future.all(adds).mapEmpty();
    }

    private static Future<String> add(StatefulRedisConnection<String, String> connection, Context context, Map<String, String> fields) {
        return Future.fromCompletionStage(connection.async().xadd(PARKED, fields), context);
    }
}
