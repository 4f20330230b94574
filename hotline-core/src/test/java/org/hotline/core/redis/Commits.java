package org.hotline.core.redis;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketIndexes;
import org.hotline.core.stream.TicketEventType;

/** Test commits: the store does not interpret snapshots, so small JSON stand-ins are enough. */
final class Commits {

    static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

    private Commits() {
    }

    static String newId() {
        return "t-" + UUID.randomUUID();
    }

    static String newNumber() {
        return "12345-20261122-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TicketIndexes indexes(String status, boolean open, String phone, double score, Set<String> departments,
            Set<SlaAlarm> alarms) {
        return new TicketIndexes(departments, score, phone, open, status, alarms);
    }

    static TicketIndexes received(String phone) {
        return indexes("RECEIVED", true, phone, T0.plusSeconds(3600).toEpochMilli(), Set.of(), Set.of());
    }

    /** The intake of a new ticket: version 1, one TicketReceived event. */
    static TicketCommit create(String id, String number, Instant at, TicketIndexes indexes) {
        return transition(id, number, 0, at, indexes, "TicketReceived");
    }

    static TicketCommit create(String id, String number) {
        return create(id, number, T0, received("13800138000"));
    }

    /** A commit from {@code current} appending one event per type. */
    static TicketCommit next(StoredTicket current, Instant at, TicketIndexes indexes, String... types) {
        return transition(current.id(), current.number(), current.version(), at, indexes, types);
    }

    static TicketCommit transition(String id, String number, long expected, Instant at, TicketIndexes indexes,
            String... types) {
        List<StreamEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            long version = expected + i + 1;
            boolean snapshot = TicketEventType.fromWire(types[i]).map(TicketEventType::carriesSnapshot).orElse(true);
            events.add(new StreamEvent(types[i], version, at, "{\"type\":\"" + types[i] + "\",\"version\":" + version + "}", snapshot));
        }
        long nextVersion = expected + types.length;
        String snapshot = "{\"schema\":\"ticket.v1\",\"id\":\"" + id + "\",\"number\":\"" + number
                + "\",\"version\":" + nextVersion + ",\"status\":\"" + indexes.status() + "\",\"title\":\"路灯不亮\"}";
        return new TicketCommit(id, number, expected, new StoredTicket(id, number, nextVersion, snapshot), events, indexes);
    }
}
