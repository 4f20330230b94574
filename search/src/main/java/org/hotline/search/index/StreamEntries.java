package org.hotline.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.hotline.core.stream.group.StreamEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.redis.RedisTicketHistory;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.doc.TicketSnapshots;

/**
 * Turns stream entries into what the backend indexes. Entries that can never be read are returned
 * as {@link Poison} for parking, never retried. A ticket changed several times in one batch is read
 * and indexed once, at its newest version (the event entries name ticket and version in fields of
 * their own, so the older snapshots are never parsed); every event is still recorded. Lean entries
 * (most event types carry no snapshot, {@code TicketEventType.carriesSnapshot}) name their ticket in
 * {@link Batch#current()}: {@link #readAll} reads those tickets' current snapshots from Redis, once each.
 *
 * <p>Call records ({@code hotline:stream:call-records}) are read loosely because telephony defines
 * them: {@code callId} (else the entry id), {@code ticketId}, {@code caller} or {@code callerPhone},
 * {@code endedAt} or {@code startedAt} or {@code at} (ISO instants); every field is kept in the body.
 */
public final class StreamEntries {

    /** History of closed tickets written by dispatch's import, each entry's {@code ticket} in ticket.v1 shape. */
    public static final String HISTORY_IMPORT = "hotline:stream:history-import";
    public static final List<String> STREAMS = List.of(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, HISTORY_IMPORT);

    private static final RedisTicketKeys KEYS = RedisTicketKeys.defaults();
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{1,18}");

    private final TicketSnapshots snapshots;
    private final ObjectMapper mapper;

    public StreamEntries(TicketSnapshots snapshots, ObjectMapper mapper) {
        this.snapshots = snapshots;
        this.mapper = mapper;
    }

    public record Poison(String stream, String entryId, String error) {
    }

    /** {@code current}: tickets whose newest entry in the batch carries no snapshot and whose current one was not given. */
    public record Batch(List<TicketDocument> tickets, List<ActivityRecord> records, List<Poison> poison, List<String> current) {
    }

    /**
     * Reads the current snapshot of each ticket whose newest entry in the batch is lean (one pipelined HGET
     * each, on {@code connection}; found from the entries' own fields, without parsing), then everything on
     * one worker thread. A ticket no longer in Redis (deleted, or evicted after it closed: its closing entry
     * carried the snapshot) is skipped.
     */
    public Future<Batch> readAll(String stream, List<StreamMessage<String, String>> messages, Context context,
                                 StatefulRedisConnection<String, String> connection) {
        List<String> lean = leanTickets(stream, messages);
        Future<Map<String, String>> current = lean.isEmpty() ? Future.succeededFuture(Map.of())
                : CurrentSnapshots.read(connection, context, lean);
        return current.compose(found -> context.owner().executeBlocking(() -> {
            Batch batch = readMessages(stream, messages, found);
            batch.current().clear();
            return batch;
        }, false));
    }

    /** A ticket as the rebuild reads it from Redis: its current snapshot (null if none) and its event list elements. */
    public record StoredTicket(String ticketId, String snapshot, List<String> events) {
    }

    /**
     * The rebuild's first phase: these tickets' current snapshots and event records, read from their hash and
     * event list ({@link CurrentSnapshots#stored}), then parsed on a worker thread. The event records are the
     * ones a stream entry of the same event makes (id {@code ticketId:version}), so replaying whatever the
     * stream still holds afterwards overwrites them instead of doubling them. An unreadable snapshot or list
     * element is parked under its Redis key.
     */
    public Future<Batch> readStored(List<String> ticketIds, Context context, StatefulRedisConnection<String, String> connection) {
        return CurrentSnapshots.stored(connection, context, ticketIds)
                .compose(stored -> context.owner().executeBlocking(() -> readStored(stored), false));
    }

    Batch readStored(List<StoredTicket> stored) {
        var batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (StoredTicket t : stored) {
            try {
                if (t.snapshot() != null) {
                    batch.tickets().add(snapshots.parse(t.snapshot()));
                }
            } catch (RuntimeException e) {
                batch.poison().add(new Poison(KEYS.ticket(t.ticketId()), "s", e.getMessage()));
            }
            for (int i = 0; i < t.events().size(); i++) {
                try {
                    StreamEvent e = RedisTicketHistory.parse(t.events().get(i));
                    batch.records().add(eventRecord(t.ticketId(), e.version(), e.type(), e.at(), e.eventJson()));
                } catch (RuntimeException e) {
                    batch.poison().add(new Poison(KEYS.history(t.ticketId()), Integer.toString(i), e.getMessage()));
                }
            }
        }
        return batch;
    }

    /** Tickets whose newest event entry in the batch carries no snapshot: a scan of plain fields, cheap on an event loop. */
    static List<String> leanTickets(String stream, List<StreamMessage<String, String>> messages) {
        if (!stream.equals(RedisKeys.TICKET_EVENTS)) {
            return List.of();
        }
        Map<String, Newest> newest = new LinkedHashMap<>();
        for (StreamMessage<String, String> m : messages) {
            Map<String, String> body = m.getBody() == null ? Map.of() : m.getBody();
            String ticketId = body.get("ticketId");
            String version = body.get("version");
            if (ticketId != null && !ticketId.isBlank() && version != null && VERSION.matcher(version).matches()) {
                newest.merge(ticketId, new Newest(ticketId, m.getId(), Long.parseLong(version), body.get("ticket")),
                        (x, y) -> x.version() >= y.version() ? x : y);
            }
        }
        return newest.values().stream().filter(n -> n.snapshot() == null).map(Newest::ticketId).toList();
    }

    /** Entries as the consumer group hands them over. */
    public Batch read(String stream, List<StreamEntry> entries) {
        return readMessages(stream, entries.stream().map(e -> new StreamMessage<>(stream, e.id(), e.fields())).toList());
    }

    /** Entries as XRANGE returns them (the rebuild). */
    public Batch readMessages(String stream, List<StreamMessage<String, String>> messages) {
        return readMessages(stream, messages, Map.of());
    }

    /** {@code current}: snapshots (by ticket id) for tickets whose newest entry is lean. */
    private Batch readMessages(String stream, List<StreamMessage<String, String>> messages, Map<String, String> current) {
        var batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Newest> newest = new LinkedHashMap<>();
        for (StreamMessage<String, String> m : messages) {
            try {
                add(stream, m.getId(), m.getBody() == null ? Map.of() : m.getBody(), batch, newest);
            } catch (RuntimeException e) {
                batch.poison().add(new Poison(stream, m.getId(), e.getMessage()));
            }
        }
        for (Newest n : newest.values()) {
            String json = n.snapshot() == null ? current.get(n.ticketId()) : n.snapshot();
            if (json == null) {
                batch.current().add(n.ticketId());
                continue;
            }
            try {
                batch.tickets().add(snapshots.parse(json));
            } catch (RuntimeException e) {
                // the entry's own snapshot, or the ticket's current one from Redis
                batch.poison().add(new Poison(stream, n.snapshot() == null ? "ticket:" + n.ticketId() : n.entryId(), e.getMessage()));
            }
        }
        return batch;
    }

    /** The newest snapshot of one ticket in a batch, parsed once the whole batch was seen. */
    private record Newest(String ticketId, String entryId, long version, String snapshot) {
    }

    private void add(String stream, String entryId, Map<String, String> body, Batch batch, Map<String, Newest> newest) {
        if (stream.equals(RedisKeys.CALL_RECORDS)) {
            batch.records().add(callRecord(entryId, body));
            return;
        }
        String ticketId = body.get("ticketId");
        boolean named = stream.equals(RedisKeys.TICKET_EVENTS) && ticketId != null && !ticketId.isBlank();
        // a lean entry (no snapshot) names its ticket; any other entry must carry the snapshot
        String snapshot = named ? body.get("ticket") : require(body, "ticket");
        if (!named) {
            // history imports (and entries written before ticketId was a field) name their ticket only in the snapshot
            TicketDocument ticket = snapshots.parse(snapshot);
            ticketId = ticket.id();
            batch.tickets().add(ticket);
        }
        if (stream.equals(RedisKeys.TICKET_EVENTS)) {
            String version = require(body, "version");
            var event = eventRecord(ticketId, Long.parseLong(version), body.get("type"), Instant.parse(require(body, "at")), body.get("event"));
            if (named) {
                newest.merge(ticketId, new Newest(ticketId, entryId, Long.parseLong(version), snapshot),
                        (x, y) -> x.version() >= y.version() ? x : y);
            }
            batch.records().add(event);
        }
    }

    /** One ticket event's record, from a stream entry or from the ticket's event list: the same id either way. */
    private ActivityRecord eventRecord(String ticketId, long version, String type, Instant at, String eventJson) {
        return new ActivityRecord(ActivityRecord.Kind.EVENT, ticketId + ":" + version, ticketId, type, at, null, json(eventJson));
    }

    private ActivityRecord callRecord(String entryId, Map<String, String> body) {
        String at = first(body, "endedAt", "startedAt", "at");
        return new ActivityRecord(ActivityRecord.Kind.CALL, first(body, "callId") == null ? entryId : body.get("callId"),
                body.get("ticketId"), callType(body), at == null ? Instant.ofEpochMilli(entryMillis(entryId)) : Instant.parse(at),
                first(body, "caller", "callerPhone"), Map.copyOf(body));
    }

    /**
     * The record's type: its outcome; an outbound call (a callback, a return visit: {@code direction=OUTBOUND})
     * is {@code OUTBOUND_<outcome>}, so that the center measures, which count ANSWERED and ABANDONED
     * as offered calls, never count it.
     */
    public static String callType(Map<String, String> body) {
        String type = first(body, "type", "outcome");
        return "OUTBOUND".equals(body.get("direction")) && type != null ? "OUTBOUND_" + type : type;
    }

    private Map<String, Object> json(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(value, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event JSON", e);
        }
    }

    private static long entryMillis(String entryId) {
        return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
    }

    private static String first(Map<String, String> body, String... fields) {
        for (String field : fields) {
            String value = body.get(field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String require(Map<String, String> body, String field) {
        String value = body.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("stream entry without " + field);
        }
        return value;
    }
}
