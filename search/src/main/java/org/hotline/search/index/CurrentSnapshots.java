package org.hotline.search.index;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.redis.RedisTicketKeys;

/**
 * The current {@code ticket.v1} snapshot of tickets, from the ticket hashes core's commit writes
 * (field {@code s}, the same JSON the stream carried before entries became lean). Newer than the entry
 * that asked for it at times, which is what the index wants: versions keep it from going backwards.
 */
final class CurrentSnapshots {

    private static final String SNAPSHOT = "s";
    private static final RedisTicketKeys KEYS = RedisTicketKeys.defaults();

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
                String json = reads.get(i).result();
                if (json != null) {
                    found.put(ids.get(i), json);
                }
            }
            return found;
        });
    }
}
