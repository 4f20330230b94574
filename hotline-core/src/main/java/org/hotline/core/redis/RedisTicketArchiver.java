package org.hotline.core.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves closed tickets out of Redis once they have been closed for the retention period: each one's hash and
 * event list go to the {@link TicketArchive} as an {@link ArchivedTicket} and, once that is durable,
 * archive-ticket.lua deletes them from Redis (only if the ticket was not changed meanwhile). The store then
 * reads such a ticket from the archive ({@link RedisTicketStore#findById}, its history too) and brings it back
 * before a commit on it. The search index keeps every ticket, so reports do not change.
 *
 * <p>Candidates come from {@code status:CLOSED} by creation time (a ticket closed before the cutoff was created
 * before it); the close time itself is read from the snapshot. Idempotent, safe on several nodes at once.
 */
public final class RedisTicketArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTicketArchiver.class);
    private static final int PAGE = 200;
    private static final String CLOSED = "CLOSED";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketKeys keys;
    private final TicketArchive archive;
    private final Duration retention;
    private final long maxScannedPerRun;
    private final LuaScript archiveScript;

    public RedisTicketArchiver(Vertx vertx, RedisAsyncCommands<String, String> redis, RedisTicketKeys keys,
                               TicketArchive archive, Duration retention, long maxScannedPerRun) {
        if (retention.isNegative() || maxScannedPerRun < 1) {
            throw new IllegalArgumentException("retention must not be negative and maxScannedPerRun positive");
        }
        this.vertx = vertx;
        this.redis = redis;
        this.keys = keys;
        this.archive = archive;
        this.retention = retention;
        this.maxScannedPerRun = maxScannedPerRun;
        this.archiveScript = LuaScript.fromResource("archive-ticket.lua", redis);
    }

    /** Archives every ticket closed at or before {@code now - retention}; the number archived. */
    public Future<Integer> archiveDue(Instant now) {
        long cutoff = now.minus(retention).toEpochMilli();
        return page(cutoff, 0, 0, 0).onSuccess(archived -> {
            if (archived > 0) {
                LOG.info("closed tickets archived [count={}, closedBefore={}]", archived, Instant.ofEpochMilli(cutoff));
            }
        });
    }

    private Future<Integer> page(long cutoff, long offset, int archived, long scanned) {
        Range<Long> created = Range.create(Long.MIN_VALUE, cutoff);
        return bridge(redis.zrangebyscore(keys.status(CLOSED), created, Limit.create(offset, PAGE))).compose(ids -> {
            List<Future<Boolean>> each = ids.stream().map(id -> archiveIfDue(id, cutoff)).toList();
            return Future.join(each).transform(done -> {
                int moved = (int) each.stream().filter(f -> f.succeeded() && f.result()).count();
                each.stream().filter(Future::failed).findFirst().ifPresent(f ->
                        LOG.warn("archiving a closed ticket failed, retried next run [{}]", f.cause().toString()));
                long seen = scanned + ids.size();
                if (ids.size() < PAGE || seen >= maxScannedPerRun) {
                    return Future.succeededFuture(archived + moved);
                }
                // archived tickets left the set: the next page starts that much earlier
                return page(cutoff, offset + ids.size() - moved, archived + moved, seen);
            });
        });
    }

    private Future<Boolean> archiveIfDue(String id, long cutoff) {
        Future<Map<String, String>> fields = bridge(redis.hgetall(keys.ticket(id)));
        Future<List<String>> events = bridge(redis.lrange(keys.history(id), 0, -1));
        return Future.all(fields, events).compose(both -> {
            Map<String, String> hash = fields.result();
            if (!CLOSED.equals(hash.get("st")) || !closedBy(hash.get("s"), cutoff)) {
                return Future.succeededFuture(false);
            }
            ArchivedTicket archived = new ArchivedTicket(id, hash, events.result());
            return archive.put(id, archived.toJson())
                    .compose(durable -> bridge(archiveScript.run(redis,
                            new String[] {keys.ticket(id), keys.history(id), keys.open(), keys.slaAlarms()},
                            new String[] {keys.prefix(), id, hash.get("v")})))
                    .map(reply -> "OK".equals(String.valueOf(reply.get(0))));
        });
    }

    private static boolean closedBy(String storedSnapshot, long cutoff) {
        try {
            JsonNode closedAt = WireJson.mapper().readTree(CompactText.expand(storedSnapshot)).path("closedAt");
            return closedAt.isTextual() && Instant.parse(closedAt.asText()).toEpochMilli() <= cutoff;
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return false;
        }
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
