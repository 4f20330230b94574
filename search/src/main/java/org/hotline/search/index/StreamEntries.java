package org.hotline.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.StreamMessage;
import org.hotline.core.stream.group.StreamEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.doc.TicketSnapshots;

/**
 * Turns stream entries into what the backend indexes. Entries that can never be read are returned
 * as {@link Poison} for parking, never retried.
 *
 * <p>Call records ({@code hotline:stream:call-records}) are read loosely because telephony defines
 * them: {@code callId} (else the entry id), {@code ticketId}, {@code caller} or {@code callerPhone},
 * {@code endedAt} or {@code startedAt} or {@code at} (ISO instants); every field is kept in the body.
 */
public final class StreamEntries {

    /** History of closed tickets written by dispatch's import, each entry's {@code ticket} in ticket.v1 shape. */
    public static final String HISTORY_IMPORT = "hotline:stream:history-import";
    public static final List<String> STREAMS = List.of(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, HISTORY_IMPORT);

    private final TicketSnapshots snapshots;
    private final ObjectMapper mapper;

    public StreamEntries(TicketSnapshots snapshots, ObjectMapper mapper) {
        this.snapshots = snapshots;
        this.mapper = mapper;
    }

    public record Poison(String stream, String entryId, String error) {
    }

    public record Batch(List<TicketDocument> tickets, List<ActivityRecord> records, List<Poison> poison) {
    }

    /** Entries as the consumer group hands them over. */
    public Batch read(String stream, List<StreamEntry> entries) {
        return readMessages(stream, entries.stream().map(e -> new StreamMessage<>(stream, e.id(), e.fields())).toList());
    }

    /** Entries as XRANGE returns them (the rebuild). */
    public Batch readMessages(String stream, List<StreamMessage<String, String>> messages) {
        var batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (StreamMessage<String, String> m : messages) {
            try {
                add(stream, m.getId(), m.getBody() == null ? Map.of() : m.getBody(), batch);
            } catch (RuntimeException e) {
                batch.poison().add(new Poison(stream, m.getId(), e.getMessage()));
            }
        }
        return batch;
    }

    private void add(String stream, String entryId, Map<String, String> body, Batch batch) {
        if (stream.equals(RedisKeys.CALL_RECORDS)) {
            batch.records().add(callRecord(entryId, body));
            return;
        }
        TicketDocument ticket = snapshots.parse(require(body, "ticket"));
        batch.tickets().add(ticket);
        if (stream.equals(RedisKeys.TICKET_EVENTS)) {
            batch.records().add(new ActivityRecord(ActivityRecord.Kind.EVENT, ticket.id() + ":" + require(body, "version"),
                    ticket.id(), body.get("type"), Instant.parse(require(body, "at")), null, json(body.get("event"))));
        }
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
