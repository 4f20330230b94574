package org.hotline.core.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.core.wire.TicketV1;
import org.hotline.core.wire.WireJson;

/**
 * One entry of the ticket event stream ({@link RedisKeys#TICKET_EVENTS}, fields in docs/architecture.md),
 * read once into types: the event type, the ticket's version, and the snapshot after the commit as
 * {@link TicketV1}. {@code event} is the event JSON ({@code event.v1}: actor, reason and the event's own fields).
 * {@code ticket} is null in a lean entry: only types that {@link TicketEventType#carriesSnapshot()} carry it
 * (entries written before entries became lean carry it always, and are read the same way).
 */
public record TicketEventEntry(String id, String ticketId, String number, long version, TicketEventType type,
                               Instant at, JsonObject event, TicketV1 ticket) {

    /** A consumer group on the ticket event stream whose handler receives typed entries (unreadable ones are parked). */
    public static ConsumerGroup<TicketEventEntry> consumerGroup(RedisAsyncCommands<String, String> redis, GroupSettings settings,
                                                                BatchHandler<TicketEventEntry> handler) {
        if (!settings.streams().equals(List.of(RedisKeys.TICKET_EVENTS))) {
            throw new IllegalArgumentException("a ticket event group follows " + RedisKeys.TICKET_EVENTS + " only");
        }
        // the stream is a feed (each ticket keeps its own snapshot and event list): trimmed once acknowledged
        return new ConsumerGroup<>(redis, settings.trimmed().isEmpty() ? settings.trimming(RedisKeys.TICKET_EVENTS) : settings,
                TicketEventEntry::read, handler);
    }

    /** Reads an entry; an entry that cannot be read fails with {@link IllegalArgumentException} and the reason. */
    public static TicketEventEntry read(StreamEntry entry) {
        Map<String, String> fields = entry.fields();
        String typeName = require(fields, "type");
        TicketEventType type = TicketEventType.fromWire(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + typeName));
        long version;
        Instant at;
        try {
            version = Long.parseLong(require(fields, "version"));
            at = Instant.parse(require(fields, "at"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable version or time: " + e.getMessage(), e);
        }
        TicketV1 ticket;
        JsonObject event;
        String snapshot = fields.get("ticket");
        if ((snapshot == null || snapshot.isBlank()) && type.carriesSnapshot()) {
            throw new IllegalArgumentException("stream entry without ticket");
        }
        try {
            ticket = snapshot == null || snapshot.isBlank() ? null : WireJson.mapper().readValue(snapshot, TicketV1.class);
            String eventJson = fields.get("event");
            event = eventJson == null || eventJson.isBlank() ? new JsonObject() : new JsonObject(eventJson);
        } catch (JsonProcessingException | io.vertx.core.json.DecodeException e) {
            throw new IllegalArgumentException("unreadable ticket or event JSON: " + e.getMessage(), e);
        }
        if (ticket != null && !TicketV1.SCHEMA.equals(ticket.schema())) {
            throw new IllegalArgumentException("unknown snapshot schema " + ticket.schema());
        }
        String ticketId = ticket == null ? require(fields, "ticketId") : fields.getOrDefault("ticketId", ticket.id());
        String number = ticket == null ? fields.get("number") : fields.getOrDefault("number", ticket.number());
        return new TicketEventEntry(entry.id(), ticketId, number, version, type, at, event, ticket);
    }

    public boolean is(TicketEventType candidate) {
        return type == candidate;
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("stream entry without " + name);
        }
        return value;
    }
}
