package org.hotline.search.doc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.core.text.Segmenter;

/**
 * Reads {@code ticket.v1} snapshots from the event stream into {@link TicketDocument}s. Unknown
 * fields are ignored (core may add more); a snapshot without id, version or receivedAt is refused
 * with {@link UnreadableSnapshot}, which the indexer parks instead of retrying. Segmenting is the costly
 * part and most changes (sign, assign, urge, close) leave the text alone, so the words of recently
 * seen tickets are kept ({@link SegmentedTexts}) and computed again only when title, content or reply changed.
 */
public final class TicketSnapshots {

    static final String SIGN = "SIGN";
    static final String CONTACT = "CONTACT";
    static final String HANDLE = "HANDLE";

    private final ObjectMapper mapper;
    private final SegmentedTexts segmented;

    public TicketSnapshots(ObjectMapper mapper, Segmenter segmenter) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.segmented = new SegmentedTexts(Objects.requireNonNull(segmenter, "segmenter"), SegmentedTexts.DEFAULT_TICKETS);
    }

    public TicketDocument parse(String json) {
        try {
            return read(mapper.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new UnreadableSnapshot("unreadable ticket snapshot: " + e.getMessage(), e);
        }
    }

    private TicketDocument read(JsonNode t) {
        JsonNode caller = t.path("caller");
        JsonNode location = t.path("location");
        JsonNode category = t.path("category");
        JsonNode clocks = t.path("clocks");
        String title = text(t, "title");
        String content = text(t, "content");
        String reply = text(t.path("reply"), "text");
        String id = required(t, "id");
        return new TicketDocument(
                id, text(t, "number"), requiredVersion(t),
                text(t, "status"), text(t, "channel"), text(t, "appealType"), text(t, "urgency"),
                title, content, reply, segmented.words(id, title, content, reply),
                new TicketDocument.Caller(text(caller, "name"), text(caller, "phone"),
                        caller.path("confidential").asBoolean(false), caller.path("anonymous").asBoolean(false)),
                text(location, "district"), text(location, "street"), text(location, "community"),
                text(location, "address"), text(category, "code"), text(category, "name"),
                text(t, "leadDepartment"), strings(t.path("assistingDepartments")),
                new TicketDocument.Milestones(requiredInstant(t, "receivedAt"), instant(t, "signedAt"),
                        instant(t, "firstContactAt"), instant(t, "repliedAt"), instant(t, "closedAt")),
                new TicketDocument.Deadlines(instant(clocks.path(SIGN), "dueAt"),
                        instant(clocks.path(CONTACT), "dueAt"), instant(clocks.path(HANDLE), "dueAt"),
                        instant(clocks.path(HANDLE), "yellowAt")),
                text(lastVisit(t), "resolution"), text(lastVisit(t), "satisfaction"),
                t.path("returnCount").asInt(0), t.path("extensionCount").asInt(0),
                t.path("urgeCount").asInt(0), strings(t.path("tags")), text(firstVisit(t), "satisfaction"),
                routing(t.path("routing")), assistance(t.path("assistance")));
    }

    private static java.util.List<TicketDocument.Assist> assistance(JsonNode parts) {
        var out = new java.util.ArrayList<TicketDocument.Assist>();
        for (JsonNode p : parts) {
            JsonNode sign = p.path("clocks").path(SIGN);
            JsonNode opinion = p.path("clocks").path("OPINION");
            out.add(new TicketDocument.Assist(required(p, "department"), instant(sign, "dueAt"), instant(p, "signedAt"),
                    redRecorded(sign), instant(opinion, "dueAt"), instant(p, "answeredAt"), redRecorded(opinion),
                    instant(p, "endedAt")));
        }
        return out;
    }

    /** Whether the scheduler recorded the red card of the clock's current deadline (its {@code alarms}). */
    private static boolean redRecorded(JsonNode clock) {
        String due = text(clock, "dueAt");
        for (JsonNode alarm : clock.path("alarms")) {
            if ("RED".equals(text(alarm, "level")) && due != null && Instant.parse(due).equals(instant(alarm, "dueAt"))) {
                return true;
            }
        }
        return false;
    }

    private static TicketDocument.Routing routing(JsonNode routing) {
        Instant first = instant(routing, "firstAssignedAt");
        return first == null ? null : new TicketDocument.Routing(first, routing.path("automatic").asBoolean(false),
                routing.path("approvedReturns").asInt(0));
    }

    /** Every visit is kept in {@code visits} (snapshots before that have only the current {@code visit}). */
    private static JsonNode firstVisit(JsonNode t) {
        JsonNode visits = t.path("visits");
        return visits.isArray() && !visits.isEmpty() ? visits.get(0) : t.path("visit");
    }

    private static JsonNode lastVisit(JsonNode t) {
        JsonNode visits = t.path("visits");
        return visits.isArray() && !visits.isEmpty() ? visits.get(visits.size() - 1) : t.path("visit");
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static long requiredVersion(JsonNode node) {
        long version = node.path("version").asLong(0);
        if (version <= 0) {
            throw new IllegalArgumentException("missing or non-positive version");
        }
        return version;
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        Instant value = instant(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad instant in " + field, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> {
            if (value.isValueNode() && !value.isNull()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    /** A snapshot that can never be indexed, however often it is retried. */
    public static final class UnreadableSnapshot extends RuntimeException {
        public UnreadableSnapshot(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
