package org.hotline.core.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.wire.WireJson;

/**
 * A ticket as the archive keeps it, schema {@code ticket-archive.v1}: its Redis hash and event list exactly as they
 * were (snapshot and events compacted, {@link CompactText}), so that reading it back is the same code as reading
 * Redis and bringing it back ({@code restore-ticket.lua}) restores the very same state, dashboard marks included.
 * {@code events} are the list elements as stored: {@link RedisTicketHistory#parse} reads each.
 */
public record ArchivedTicket(String id, Map<String, String> fields, List<String> events) {

    static final String SCHEMA = "ticket-archive.v1";

    public ArchivedTicket {
        fields = Map.copyOf(fields);
        events = List.copyOf(events);
    }

    private record Document(String schema, String id, Map<String, String> fields, List<String> events) { }

    String toJson() {
        try {
            return WireJson.mapper().writeValueAsString(new Document(SCHEMA, id, new TreeMap<>(fields), events));
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    /** Reads a {@link org.hotline.core.port.TicketArchive} document; IllegalArgumentException when it is not one. */
    public static ArchivedTicket parse(String json) {
        try {
            Document document = WireJson.mapper().readValue(json, new TypeReference<Document>() { });
            if (!SCHEMA.equals(document.schema())) {
                throw new IllegalArgumentException("not a " + SCHEMA + " document: " + document.schema());
            }
            return new ArchivedTicket(document.id(), document.fields(), document.events());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable archived ticket", e);
        }
    }

    /** The snapshot JSON as committed last, null if the archived hash had none. */
    public String snapshotJson() {
        return CompactText.expand(fields.get("s"));
    }

    Optional<StoredTicket> stored() {
        String number = fields.get("n");
        String version = fields.get("v");
        String snapshot = fields.get("s");
        if (number == null || version == null || snapshot == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredTicket(id, number, Long.parseLong(version), CompactText.expand(snapshot)));
    }

    List<StreamEvent> history() {
        return events.stream().map(RedisTicketHistory::parse).toList();
    }

    /** ARGV of restore-ticket.lua: prefix, id, field count, fields, event list elements. */
    String[] restoreArguments(String prefix) {
        List<String> args = new ArrayList<>(4 + 2 * fields.size() + events.size());
        args.add(prefix);
        args.add(id);
        args.add(Integer.toString(fields.size()));
        new TreeMap<>(fields).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        args.addAll(events);
        return args.toArray(String[]::new);
    }
}
