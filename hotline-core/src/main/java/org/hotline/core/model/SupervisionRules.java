package org.hotline.core.model;

import java.util.ArrayList;
import java.util.List;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;

/** Urging, SLA cards from the scheduler, linked calls, tags and sent messages: none of them changes the status. */
final class SupervisionRules {

    /** The tag a ticket handed to 110 carries, as police orders' tickets do. */
    static final String POLICE_TAG = "110移交";

    private SupervisionRules() {
    }

    static Decision decide(Step step, Command command) {
        Ticket t = step.ticket();
        if (command instanceof Command.Urge c) {
            UrgeLevel level = t.urgeLevel() == null || c.level().compareTo(t.urgeLevel()) > 0 ? c.level() : t.urgeLevel();
            int count = t.urgeCount() + 1;
            return step.accept(step.next().urgeCount(count).urgeLevel(level),
                    new TicketEvent.TicketUrged(step.actor(), step.now(), c.reason(), c.level(), count));
        } else if (command instanceof Command.RecordSlaWarning c) {
            return slaWarning(step, c);
        } else if (command instanceof Command.LinkCall c) {
            if (t.callIds().contains(c.callId())) {
                return Step.refuse("ticket.call-already-linked", "该通话已关联本工单");
            }
            return step.accept(step.next().callIds(append(t.callIds(), c.callId())),
                    new TicketEvent.CallLinked(step.actor(), step.now(), null, c.callId()));
        } else if (command instanceof Command.AddTag c) {
            if (t.tags().contains(c.tag())) {
                return Step.refuse("ticket.tag-exists", "工单已有该标签");
            }
            return step.accept(step.next().tags(append(t.tags(), c.tag())),
                    new TicketEvent.TicketTagged(step.actor(), step.now(), null, c.tag()));
        } else if (command instanceof Command.RecordMessage c) {
            // in any status: a receipt goes out at intake, a survey after the reply, a late receipt after the close
            return step.accept(step.next(), new TicketEvent.MessageRecorded(step.actor(), step.now(), null, c.channel(),
                    c.purpose(), c.outcome(), c.reference()));
        } else if (command instanceof Command.RecordPoliceLinkage c) {
            // in any status (110 may answer after the ticket closed); the first transfer tags the ticket for search
            TicketBuilder next = step.next();
            if (c.stage() == PoliceLinkageStage.TRANSFERRED && !t.tags().contains(POLICE_TAG)) {
                next.tags(append(t.tags(), POLICE_TAG));
            }
            return step.accept(next, new TicketEvent.PoliceLinkageRecorded(step.actor(), step.now(), null, c.transferId(),
                    c.stage(), c.text()));
        }
        throw new IllegalArgumentException("not a supervision command: " + command.kind());
    }

    /**
     * Only an alarm that matches the clock as it is now is recorded: after a pause, an extension
     * or a stop the scheduler may still fire an old alarm, and that one is stale. The clock remembers
     * the alarms it recorded for its deadline, so a redelivered one is refused instead of repeated.
     */
    private static Decision slaWarning(Step step, Command.RecordSlaWarning c) {
        if (c.assistingUnit() != null) {
            return assistanceAlarm(step, c);
        }
        ClockTrack track = step.ticket().clocks().get(c.clock());
        Decision.Refused stale = staleOrRepeated(step, track, c);
        if (stale != null) {
            return stale;
        }
        ClockStatus status = step.status(track);
        boolean overdue = c.level() == SlaLevel.RED;
        String reason = c.clock().label() + "时限" + (overdue ? "已超期" : "即将到期");
        TicketEvent event = overdue
                ? new TicketEvent.SlaOverdueRecorded(step.actor(), step.now(), reason, c.clock(), c.dueAt())
                : new TicketEvent.SlaWarningRecorded(step.actor(), step.now(), reason, c.clock(), c.dueAt());
        Ticket t = step.ticket();
        TicketBuilder next = step.next().clocks(Step.mapClock(t.clocks(), c.clock(),
                running -> running.recordAlarm(overdue, status.dueAt())));
        if (!overdue) {
            return step.accept(next, event);
        }
        // the overdue card and the ladder's next urge are one commit: a scheduler that dies in
        // between can neither skip the urge nor, on redelivery, urge twice
        UrgeLevel rung = automaticUrge(t.urgeCount());
        UrgeLevel level = t.urgeLevel() == null || rung.compareTo(t.urgeLevel()) > 0 ? rung : t.urgeLevel();
        int count = t.urgeCount() + 1;
        String urgeReason = c.clock().label() + "时限已超期，系统自动" + rung.label();
        return step.accept(next.urgeCount(count).urgeLevel(level), event,
                new TicketEvent.TicketUrged(step.actor(), step.now(), urgeReason, rung, count));
    }

    /** The same alarm on an assisting unit's own clock: recorded for it, the lead's urging ladder untouched. */
    private static Decision assistanceAlarm(Step step, Command.RecordSlaWarning c) {
        Assistance part = step.ticket().assistanceOf(c.assistingUnit()).orElse(null);
        ClockTrack track = part == null ? null : part.clocks().get(c.clock());
        Decision.Refused stale = staleOrRepeated(step, track, c);
        if (stale != null) {
            return stale;
        }
        boolean overdue = c.level() == SlaLevel.RED;
        String reason = "协办单位" + c.clock().label() + "时限" + (overdue ? "已超期" : "即将到期");
        Assistance next = part.withClock(c.clock(), track.recordAlarm(overdue, c.dueAt()));
        return step.accept(step.next().assistance(AssistanceRules.with(step.ticket(), next)),
                new TicketEvent.AssistanceAlarmRecorded(step.actor(), step.now(), reason, c.assistingUnit(), c.clock(),
                        c.level(), c.dueAt()));
    }

    /**
     * The refusal of an alarm that does not match the clock as it is now (stopped, paused, its
     * deadline moved) or that the clock already recorded (a redelivery); null when it is to be recorded.
     */
    private static Decision.Refused staleOrRepeated(Step step, ClockTrack track, Command.RecordSlaWarning c) {
        if (track == null || !track.isRunning()) {
            return new Decision.Refused("ticket.sla-stale", "该时限已停止或暂停，预警作废", false);
        }
        ClockStatus status = step.status(track);
        // alarms travel as epoch milliseconds (docs/architecture.md), so compare at that precision
        if (status.dueAt() == null || c.dueAt().toEpochMilli() != status.dueAt().toEpochMilli()) {
            return new Decision.Refused("ticket.sla-stale", "时限已变更，预警作废", false);
        }
        // a scheduler killed after this commit but before its own marker redelivers the alarm
        if (track.hasRecorded(c.level() == SlaLevel.RED, status.dueAt())) {
            return new Decision.Refused("ticket.sla-already-recorded", "该时限预警已记录", false);
        }
        return null;
    }

    /** The urging ladder (催办 → 督办 → 通报) climbs with each urge the ticket already had. */
    static UrgeLevel automaticUrge(int urgesSoFar) {
        return switch (Math.min(urgesSoFar, 2)) {
            case 0 -> UrgeLevel.URGE;
            case 1 -> UrgeLevel.SUPERVISE;
            default -> UrgeLevel.NOTIFY;
        };
    }

    private static List<String> append(List<String> list, String value) {
        List<String> next = new ArrayList<>(list);
        next.add(value);
        return next;
    }
}
