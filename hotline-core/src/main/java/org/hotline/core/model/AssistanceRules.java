package org.hotline.core.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;

/**
 * An assisting unit's part (协办, 国办函〔2025〕66号: 主办单位牵头, 协办单位配合): it signs, then gives
 * its opinion to the lead unit, each on its own clock. The ticket never waits for it: the lead may
 * reply at any time, and its reply ends every part still open ({@link #endedIfLeftHandling}).
 */
final class AssistanceRules {

    private AssistanceRules() {
    }

    static Decision decide(Step step, Command command) {
        if (command instanceof Command.SignAssistance) {
            return sign(step);
        } else if (command instanceof Command.SubmitOpinion c) {
            return opinion(step, c);
        }
        throw new IllegalArgumentException("not an assistance command: " + command.kind());
    }

    private static Decision sign(Step step) {
        String unit = step.actor().departmentId();
        Assistance part = current(step, unit);
        if (part.endedAt() != null) {
            return Step.refuse("ticket.assistance-ended", "主办单位已答复，协办已结束");
        }
        if (part.signed()) {
            return Step.refuse("ticket.assistance-signed", "本单位已签收该协办工单");
        }
        Instant due = dueAt(step, part, ClockName.SIGN);
        return step.accept(step.next().assistance(with(step.ticket(), part.sign(step.now()))),
                new TicketEvent.AssistanceSigned(step.actor(), step.now(), null, unit, due));
    }

    private static Decision opinion(Step step, Command.SubmitOpinion c) {
        String unit = step.actor().departmentId();
        Assistance part = current(step, unit);
        if (part.endedAt() != null) {
            return Step.refuse("ticket.assistance-ended", "主办单位已答复，协办已结束");
        }
        if (!part.signed()) {
            return Step.refuse("ticket.assistance-not-signed", "请先签收协办工单，再提交协办意见");
        }
        if (part.answered()) {
            return Step.refuse("ticket.opinion-given", "本单位已提交协办意见");
        }
        Instant due = dueAt(step, part, ClockName.OPINION);
        return step.accept(step.next().assistance(with(step.ticket(), part.answer(c.text(), step.now()))),
                new TicketEvent.AssistanceOpinionGiven(step.actor(), step.now(), null, unit, c.text(), due));
    }

    /** A ticket assigned before parts were kept has none yet: the unit's part then runs without clocks. */
    private static Assistance current(Step step, String unit) {
        return step.ticket().assistanceOf(unit).orElseGet(() -> new Assistance(unit, Map.of(), null, null, null, null));
    }

    private static Instant dueAt(Step step, Assistance part, ClockName clock) {
        ClockTrack track = part.clocks().get(clock);
        return track == null ? null : step.status(track).dueAt();
    }

    static Map<String, Assistance> with(Ticket t, Assistance part) {
        Map<String, Assistance> next = new HashMap<>(t.assistance());
        next.put(part.department(), part);
        return next;
    }

    /** Fresh parts for the units named at a (re)assignment, with the limits derived from the ticket's own. */
    static Map<String, Assistance> fresh(Set<String> units, ClockLimits limits, Instant now) {
        Map<String, Assistance> parts = new HashMap<>();
        units.forEach(unit -> parts.put(unit, Assistance.start(unit, AssistanceLimits.of(limits), now)));
        return parts;
    }

    /** Every part's clocks changed alike (a suspension pauses them, a resumption resumes them). */
    static Map<String, Assistance> mapClocks(Map<String, Assistance> parts, UnaryOperator<ClockTrack> change) {
        Map<String, Assistance> next = new HashMap<>();
        for (Entry<String, Assistance> e : parts.entrySet()) {
            next.put(e.getKey(), e.getValue().mapClocks(change));
        }
        return next;
    }

    /**
     * A ticket that leaves handling (the lead's reply, a close, a merge, a return to the dispatch
     * queue) ends the parts still open: their clocks stop then, so no alarm fires for a unit whose
     * part no longer matters, and an unfinished part shows as ended, not as pending.
     */
    static TicketBuilder endedIfLeftHandling(TicketBuilder next, Instant now) {
        if (handling(next.status())) {
            return next;
        }
        Map<String, Assistance> ended = new HashMap<>();
        next.assistance().forEach((unit, part) -> ended.put(unit, part.end(now)));
        return next.assistance(ended);
    }

    /** The statuses in which assisting units work alongside the lead. */
    static boolean handling(TicketStatus status) {
        return switch (status) {
            case ASSIGNED, SIGNED, IN_PROGRESS, RETURN_REQUESTED, SUSPENDED -> true;
            case RECEIVED, CLASSIFIED, REPLIED, REVIEWED, REVISITED, CLOSED, NOT_ACCEPTED, MERGED -> false;
        };
    }
}
