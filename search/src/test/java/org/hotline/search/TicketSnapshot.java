package org.hotline.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.doc.TicketSnapshots;

/** Builds {@code ticket.v1} snapshot JSON the way the core store writes it, for tests. */
public final class TicketSnapshot {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final HanLpSegmenter SEGMENTER = new HanLpSegmenter();
    public static final TicketSnapshots SNAPSHOTS = new TicketSnapshots(MAPPER, SEGMENTER);

    private final ObjectNode node = MAPPER.createObjectNode();

    private TicketSnapshot(String id, Instant received) {
        node.put("schema", "ticket.v1").put("id", id).put("number", "12345-20261122-" + id).put("version", 1)
                .put("status", "ASSIGNED").put("channel", "PHONE").put("appealType", "COMPLAINT").put("urgency", "NORMAL")
                .put("receivedAt", received.toString()).put("returnCount", 0).put("extensionCount", 0);
        node.putObject("caller").put("name", "张三").put("phone", "13800138000").put("confidential", false).put("anonymous", false);
        node.putObject("location").put("district", "金水区").put("street", "花园路街道").put("address", "花园路1号");
        node.putNull("category");
        node.putArray("assistingDepartments");
        node.putObject("clocks");
    }

    public static TicketSnapshot ticket(String id, Instant received) {
        return new TicketSnapshot(id, received);
    }

    public TicketSnapshot text(String title, String content) {
        node.put("title", title).put("content", content);
        return this;
    }

    public TicketSnapshot version(long version) {
        node.put("version", version);
        return this;
    }

    public TicketSnapshot set(String field, String value) {
        node.put(field, value);
        return this;
    }

    public TicketSnapshot count(String field, int value) {
        node.put(field, value);
        return this;
    }

    public TicketSnapshot district(String district, String street) {
        ((ObjectNode) node.get("location")).put("district", district).put("street", street);
        return this;
    }

    public TicketSnapshot category(String code, String name) {
        node.putObject("category").put("code", code).put("name", name);
        return this;
    }

    public TicketSnapshot phone(String phone) {
        ((ObjectNode) node.get("caller")).put("phone", phone);
        return this;
    }

    public TicketSnapshot confidential() {
        ((ObjectNode) node.get("caller")).put("confidential", true);
        return this;
    }

    public TicketSnapshot department(String lead, String... assisting) {
        node.put("leadDepartment", lead);
        var array = node.putArray("assistingDepartments");
        for (String a : assisting) {
            array.add(a);
        }
        return this;
    }

    /** A clock started at receipt with the given limit. */
    public TicketSnapshot clock(String name, Duration limit) {
        Instant received = Instant.parse(node.get("receivedAt").asText());
        ((ObjectNode) node.get("clocks")).putObject(name).put("startedAt", received.toString())
                .put("dueAt", received.plus(limit).toString()).put("paused", false);
        return this;
    }

    /** Sets a milestone (signedAt, firstContactAt, repliedAt, closedAt) this long after receipt. */
    public TicketSnapshot after(String milestone, Duration elapsed) {
        node.put(milestone, Instant.parse(node.get("receivedAt").asText()).plus(elapsed).toString());
        return this;
    }

    public TicketSnapshot reply(String text) {
        node.putObject("reply").put("text", text).put("result", "RESOLVED");
        return this;
    }

    public TicketSnapshot visit(String resolution, String satisfaction) {
        node.putObject("visit").put("resolution", resolution).put("satisfaction", satisfaction);
        return this;
    }

    /**
     * Every return visit in order, as core keeps them ({@code visits}); {@code current}: whether the last
     * one is still the ticket's {@code visit} (false after a 重办 that awaits its next visit).
     */
    public TicketSnapshot visits(boolean current, String... satisfactions) {
        var visits = node.putArray("visits");
        for (String satisfaction : satisfactions) {
            visits.addObject().put("resolution", "SATISFIED".equals(satisfaction) ? "RESOLVED" : "UNRESOLVED")
                    .put("satisfaction", satisfaction);
        }
        if (current) {
            node.set("visit", visits.get(visits.size() - 1).deepCopy());
        } else {
            node.remove("visit");
        }
        return this;
    }

    /**
     * An assisting unit's part (ticket.v1 {@code assistance}, 协办): its SIGN and OPINION clocks started at
     * receipt with these limits; {@code signedAfter}/{@code answeredAfter}/{@code endedAfter} (null: not
     * yet) after receipt; {@code red}: the red card of both deadlines was recorded.
     */
    public TicketSnapshot assisted(String unit, Duration signLimit, Duration opinionLimit, Duration signedAfter,
                                   Duration answeredAfter, Duration endedAfter, boolean red) {
        Instant received = Instant.parse(node.get("receivedAt").asText());
        var parts = node.has("assistance") ? (com.fasterxml.jackson.databind.node.ArrayNode) node.get("assistance")
                : node.putArray("assistance");
        ObjectNode part = parts.addObject().put("department", unit);
        ObjectNode clocks = part.putObject("clocks");
        for (var limit : java.util.Map.of("SIGN", signLimit, "OPINION", opinionLimit).entrySet()) {
            String due = received.plus(limit.getValue()).toString();
            ObjectNode clock = clocks.putObject(limit.getKey()).put("startedAt", received.toString()).put("dueAt", due);
            if (red) {
                clock.putArray("alarms").addObject().put("level", "RED").put("dueAt", due);
            }
        }
        part.put("signedAt", signedAfter == null ? null : received.plus(signedAfter).toString());
        part.put("answeredAt", answeredAfter == null ? null : received.plus(answeredAfter).toString());
        part.put("opinion", answeredAfter == null ? null : "协办意见");
        part.put("endedAt", endedAfter == null ? null : received.plus(endedAfter).toString());
        return this;
    }

    /** The first assignment ({@code routing} of ticket.v1): when, by auto-dispatch or not, approved returns since. */
    public TicketSnapshot routed(Instant firstAssignedAt, boolean automatic, int approvedReturns) {
        node.putObject("routing").put("firstAssignedAt", firstAssignedAt.toString()).put("automatic", automatic)
                .put("approvedReturns", approvedReturns);
        return this;
    }

    public String json() {
        return node.toString();
    }

    public TicketDocument document() {
        return SNAPSHOTS.parse(json());
    }
}
