package org.hotline.core.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.hotline.core.port.StreamEvent;

/**
 * Reads one ticket's events. The per-ticket list ({@link RedisTicketKeys#history}) holds every
 * event committed since the list was introduced; a ticket committed earlier lacks its first
 * versions there, and those are looked up in the shared event stream from the ticket's creation
 * time on (stream ids are times), a bounded number of entries, so an old ticket costs more but
 * never an unbounded scan.
 */
public final class RedisTicketHistory {

    /** Stream ids come from the Redis server's clock, the creation time from a node's: allow for skew. */
    private static final long CLOCK_SKEW_MS = 60_000;
    private static final int PAGE = 500;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketKeys keys;
    private final long maxScanned;

    RedisTicketHistory(Vertx vertx, RedisAsyncCommands<String, String> redis, RedisTicketKeys keys, long maxScanned) {
        this.vertx = vertx;
        this.redis = redis;
        this.keys = keys;
        this.maxScanned = maxScanned;
    }

    /** Every event of the ticket, oldest first; empty for an unknown ticket. */
    Future<List<StreamEvent>> eventsOf(String ticketId) {
        Future<List<KeyValue<String, String>>> head = bridge(redis.hmget(keys.ticket(ticketId), "v", "c"));
        Future<List<String>> listed = bridge(redis.lrange(keys.history(ticketId), 0, -1));
        return Future.all(head, listed).compose(both -> {
            List<KeyValue<String, String>> fields = head.result();
            if (fields.get(0).isEmpty()) {
                return Future.succeededFuture(List.<StreamEvent>of());
            }
            long version = Long.parseLong(fields.get(0).getValue());
            List<StreamEvent> events = listed.result().stream().map(RedisTicketHistory::parse).toList();
            long firstListed = events.isEmpty() ? version + 1 : events.get(0).version();
            if (firstListed <= 1) {
                return Future.succeededFuture(events);
            }
            long createdMs = fields.get(1).hasValue() ? Long.parseLong(fields.get(1).getValue()) : 0;
            String from = Math.max(0, createdMs - CLOCK_SKEW_MS) + "-0";
            return scan(ticketId, Range.Boundary.including(from), firstListed, new TreeMap<>(), 0)
                .map(earlier -> joined(earlier, events));
        });
    }

    /** Pages through the stream collecting the ticket's versions below {@code firstListed}. */
    private Future<Map<Long, StreamEvent>> scan(String ticketId, Range.Boundary<String> from, long firstListed,
                                                TreeMap<Long, StreamEvent> found, long scanned) {
        Range<String> range = Range.from(from, Range.Boundary.unbounded());
        Future<List<StreamMessage<String, String>>> page = bridge(redis.xrange(keys.eventStream(), range, Limit.from(PAGE)));
        return page.compose(messages -> {
            for (StreamMessage<String, String> message : messages) {
                Map<String, String> body = message.getBody();
                if (ticketId.equals(body.get("ticketId"))) {
                    long version = Long.parseLong(body.get("version"));
                    if (version < firstListed) {
                        found.put(version, new StreamEvent(body.get("type"), version, Instant.parse(body.get("at")), body.get("event")));
                    }
                }
            }
            long seen = scanned + messages.size();
            boolean done = messages.size() < PAGE || found.size() >= firstListed - 1 || seen >= maxScanned;
            if (done) {
                return Future.succeededFuture(found);
            }
            String last = messages.get(messages.size() - 1).getId();
            return scan(ticketId, Range.Boundary.excluding(last), firstListed, found, seen);
        });
    }

    private static List<StreamEvent> joined(Map<Long, StreamEvent> earlier, List<StreamEvent> listed) {
        List<StreamEvent> all = new ArrayList<>(earlier.values());
        all.addAll(listed);
        all.sort(Comparator.comparingLong(StreamEvent::version));
        return List.copyOf(all);
    }

    /**
     * A list element {@code {version}|{type}|{at}|{event json}} (the JSON may itself contain bars), compacted
     * ({@link CompactText}) or as written before compaction; public for
     * search's rebuild, which reads the lists too. Throws on an element that is not in this shape.
     */
    public static StreamEvent parse(String element) {
        String[] parts = CompactText.expand(element).split("\\|", 4);
        return new StreamEvent(parts[1], Long.parseLong(parts[0]), Instant.parse(parts[2]), parts[3]);
    }

    /** The list element of an event as the commit script appends it: {@link #parse}'s shape, compacted. */
    static String element(StreamEvent event) {
        return CompactText.compact(event.version() + "|" + event.type() + "|" + event.at() + "|" + event.eventJson());
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
