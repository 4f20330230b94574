package org.hotline.core.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.model.Assistance;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketEvent;
import org.hotline.core.port.DashboardMarks;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.SlaAlarms;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketIndexes;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;
import org.hotline.core.time.Deadlines;
import org.hotline.core.time.InboxCard;
import org.hotline.core.wire.EventJson;
import org.hotline.core.wire.TicketSnapshots;

/** Builds the store's atomic commit from an accepted decision: snapshot, stream events, indexes, alarms. */
final class TicketCommits {

    private final Deadlines deadlines;
    private final TicketSnapshots snapshots;

    TicketCommits(Deadlines deadlines) {
        this.deadlines = deadlines;
        this.snapshots = new TicketSnapshots(deadlines);
    }

    TicketSnapshots snapshots() {
        return snapshots;
    }

    TicketCommit commit(long expectedVersion, Ticket next, List<TicketEvent> events, Instant now) {
        List<StreamEvent> stream = new ArrayList<>();
        long version = expectedVersion;
        for (TicketEvent event : events) {
            stream.add(new StreamEvent(event.type(), ++version, event.at(), EventJson.toJson(event),
                    TicketEventType.of(event).carriesSnapshot()));
        }
        StoredTicket stored = new StoredTicket(next.id().value(), next.number().value(), next.version(), snapshots.toJson(next));
        return new TicketCommit(next.id().value(), next.number().value(), expectedVersion, stored, stream, indexes(next, now));
    }

    TicketIndexes indexes(Ticket ticket, Instant now) {
        Set<SlaAlarm> alarms = new HashSet<>();
        long nearest = Long.MAX_VALUE;
        for (var entry : ticket.clocks().entrySet()) {
            nearest = Math.min(nearest, arm(alarms, entry.getKey().name(), entry.getValue(), now));
        }
        // an assisting unit's own clocks (协办) arm the same alarms, named {clock}@{unit}; they do not move the inbox order
        for (Assistance part : ticket.assistance().values()) {
            part.clocks().forEach((name, track) -> arm(alarms, SlaAlarms.assistingClock(name, part.department()), track, now));
        }
        double score = nearest == Long.MAX_VALUE ? ticket.receivedAt().toEpochMilli() : nearest;
        return new TicketIndexes(inboxOf(ticket), score, ticket.caller().phone(), ticket.status().isOpen(),
                ticket.status().name(), alarms, dashboard(ticket));
    }

    /** Arms a running clock's yellow and red alarms; returns its due time (MAX_VALUE when it does not run). */
    private long arm(Set<SlaAlarm> alarms, String clock, ClockTrack track, Instant now) {
        if (!track.isRunning()) {
            return Long.MAX_VALUE;
        }
        ClockStatus status = deadlines.compute(track);
        long due = status.dueAt().toEpochMilli();
        addIfAhead(alarms, new SlaAlarm(clock, "RED", due, due), now);
        if (status.yellowAt() != null) {
            addIfAhead(alarms, new SlaAlarm(clock, "YELLOW", due, status.yellowAt().toEpochMilli()), now);
        }
        return due;
    }

    /** The dashboard counts the card each inbox showing the ticket shows (InboxCard: the running clock due first). */
    private DashboardMarks dashboard(Ticket ticket) {
        Set<String> inbox = inboxOf(ticket);
        Map<ClockName, ClockStatus> clocks = new EnumMap<>(ClockName.class);
        ticket.clocks().forEach((name, track) -> clocks.put(name, deadlines.compute(track)));
        var card = inbox.isEmpty() ? Optional.<InboxCard>empty() : InboxCard.of(clocks);
        return new DashboardMarks(ticket.leadDepartment(), ticket.channel().name(),
                ticket.receivedAt().atZone(deadlines.calendar().zone()).toLocalDate(),
                card.map(c -> c.dueAt().toEpochMilli()).orElse(-1L), card.map(c -> c.yellowAt().toEpochMilli()).orElse(-1L),
                card.map(c -> c.clock().name()).orElse(null), inbox);
    }

    /**
     * Only alarms still ahead are armed: an alarm that already fired (its warning is recorded in
     * this very commit, or a previous one) must not be armed again at the same due time.
     */
    private static void addIfAhead(Set<SlaAlarm> alarms, SlaAlarm alarm, Instant now) {
        if (alarm.fireAtEpochMs() > now.toEpochMilli()) {
            alarms.add(alarm);
        }
    }

    /** A department's inbox lists the tickets it still has to work on. */
    static Set<String> inboxOf(Ticket ticket) {
        return switch (ticket.status()) {
            case ASSIGNED, SIGNED, IN_PROGRESS, RETURN_REQUESTED, SUSPENDED -> ticket.departments();
            case RECEIVED, CLASSIFIED, REPLIED, REVIEWED, REVISITED, CLOSED, NOT_ACCEPTED, MERGED -> Set.of();
        };
    }
}
