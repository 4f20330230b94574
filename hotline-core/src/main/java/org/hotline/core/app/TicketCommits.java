package org.hotline.core.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** The dashboard's card rule (DOMAIN.md): an open, unreplied ticket on its handling clock's deadlines as the snapshot shows them. */
    private DashboardMarks dashboard(Ticket ticket) {
        long due = -1;
        long yellow = -1;
        ClockTrack handle = ticket.clocks().get(ClockName.HANDLE);
        if (ticket.status().isOpen() && ticket.repliedAt() == null && handle != null) {
            ClockStatus status = deadlines.compute(handle);
            if (status.dueAt() != null) {
                due = status.dueAt().toEpochMilli();
                yellow = status.yellowAt() == null ? -1 : status.yellowAt().toEpochMilli();
            }
        }
        return new DashboardMarks(ticket.leadDepartment(), ticket.channel().name(),
                ticket.receivedAt().atZone(deadlines.calendar().zone()).toLocalDate(), due, yellow);
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
    private static Set<String> inboxOf(Ticket ticket) {
        return switch (ticket.status()) {
            case ASSIGNED, SIGNED, IN_PROGRESS, RETURN_REQUESTED, SUSPENDED -> ticket.departments();
            case RECEIVED, CLASSIFIED, REPLIED, REVIEWED, REVISITED, CLOSED, NOT_ACCEPTED, MERGED -> Set.of();
        };
    }
}
