package org.hotline.search.index;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.redis.CompactText;
import org.hotline.core.redis.RedisTicketKeys;

/**
 * The current {@code ticket.v1} snapshot of tickets, from the ticket hashes core's commit writes
 * (field {@code s}, the same JSON the stream carried before entries became lean, stored compacted: {@link CompactText}). Newer than the entry
 * that asked for it at times, which is what the index wants: versions keep it from going backwards.
 * The rebuild also reads each ticket's event list ({@link RedisTicketKeys#history}) with it ({@link #stored}).
 */
final class CurrentSnapshots {

    private static final String SNAPSHOT = "s";
    private static final RedisTicketKeys KEYS = RedisTicketKeys.defaults();
    /** What SCAN MATCHes to find every ticket hash; the ticket id follows it. */
    static final String TICKET_KEY_PREFIX = KEYS.ticket("");

    private CurrentSnapshots() {
    }

    /** Snapshots by ticket id; tickets no longer in Redis are left out. */
    static Future<Map<String, String>> read(StatefulRedisConnection<String, String> connection, Context context, List<String> ids) {
        List<Future<String>> reads = ids.stream()
                .map(id -> Future.fromCompletionStage(connection.async().hget(KEYS.ticket(id), SNAPSHOT), context))
                .toList();
        return Future.all(reads).map(all -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String json = CompactText.expand(reads.get(i).result());
                if (json != null) {
                    found.put(ids.get(i), json);
                }
            }
            return found;
        });
    }

    /**
     * Each ticket's current snapshot (null if its hash has none) and its whole event list, one pipelined
     * HGET and LRANGE per ticket: what the rebuild indexes once the stream was trimmed.
     */
    static Future<List<StreamEntries.StoredTicket>> stored(StatefulRedisConnection<String, String> connection, Context context,
                                                          List<String> ids) {
        List<Future<List<String>>> lists = ids.stream()
                .map(id -> Future.fromCompletionStage(connection.async().lrange(KEYS.history(id), 0, -1), context))
                .toList();
        Future<Map<String, String>> snapshots = read(connection, context, ids);
        return Future.all(snapshots, Future.all(lists)).map(all -> {
            List<StreamEntries.StoredTicket> stored = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                stored.add(new StreamEntries.StoredTicket(ids.get(i), snapshots.result().get(ids.get(i)), lists.get(i).result()));
            }
            return stored;
        });
    }
}
