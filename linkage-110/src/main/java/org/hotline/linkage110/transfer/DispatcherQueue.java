package org.hotline.linkage110.transfer;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/** Transfers a dispatcher must look at: refused by 110 (with its reason) or undeliverable. */
public final class DispatcherQueue {

    private final RedisOps redis;

    public DispatcherQueue(RedisOps redis) {
        this.redis = redis;
    }

    public Future<Void> push(String transferId, String ticketId, String kind, String reason, Instant at) {
        Map<String, String> entry = new java.util.HashMap<>();
        entry.put("transferId", transferId);
        entry.put("kind", kind);
        entry.put("reason", reason);
        entry.put("at", at.toString());
        if (ticketId != null) {
            entry.put("ticketId", ticketId);
        }
        return redis.call(r -> r.xadd(LinkageKeys.DISPATCHER_QUEUE, entry)).mapEmpty();
    }

    public Future<List<JsonObject>> latest(String stream, int limit) {
        return redis.call(r -> r.xrevrange(stream, Range.create("-", "+"), Limit.create(0, limit)))
                .map(entries -> entries.stream()
                        .map(e -> new JsonObject(new java.util.HashMap<String, Object>(e.getBody())).put("id", e.getId()))
                        .toList());
    }
}
