package org.hotline.core.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;

/** One decision in progress: the ticket, who acts, when, under which policy, and shared moves. */
record Step(Ticket ticket, Actor actor, Instant now, Policy policy) {

    Decision accept(TicketBuilder next, TicketEvent... events) {
        next.version(ticket.version() + events.length);
        AssistanceRules.endedIfLeftHandling(next, now);
        return new Decision.Accepted(next.build(), List.of(events));
    }

    static Decision refuse(String code, String message) {
        return new Decision.Refused(code, message, false);
    }

    TicketBuilder next() {
        return ticket.toBuilder();
    }

    /** Fresh clocks for a (re)assignment, with the limits that apply to this ticket now. */
    Map<ClockName, ClockTrack> freshClocks(Ticket basis) {
        String code = basis.category() == null ? null : basis.category().code();
        ClockLimits limits = policy.limitsFor(basis.appealType(), basis.urgency(), code, basis.channel());
        Map<ClockName, ClockTrack> clocks = new EnumMap<>(ClockName.class);
        limits.limits().forEach((name, limit) -> clocks.put(name, ClockTrack.start(limit, now)));
        return clocks;
    }

    /** Fresh parts for the assisting units of a (re)assignment, their limits derived from the ticket's. */
    Map<String, Assistance> freshAssistance(Ticket basis, java.util.Set<String> units) {
        String code = basis.category() == null ? null : basis.category().code();
        return AssistanceRules.fresh(units, policy.limitsFor(basis.appealType(), basis.urgency(), code, basis.channel()), now);
    }

    ClockLimits limits() {
        String code = ticket.category() == null ? null : ticket.category().code();
        return policy.limitsFor(ticket.appealType(), ticket.urgency(), code, ticket.channel());
    }

    static Map<ClockName, ClockTrack> mapClocks(Map<ClockName, ClockTrack> clocks, UnaryOperator<ClockTrack> change) {
        Map<ClockName, ClockTrack> next = new EnumMap<>(ClockName.class);
        clocks.forEach((name, track) -> next.put(name, change.apply(track)));
        return next;
    }

    static Map<ClockName, ClockTrack> mapClock(Map<ClockName, ClockTrack> clocks, ClockName name, UnaryOperator<ClockTrack> change) {
        Map<ClockName, ClockTrack> next = new EnumMap<>(ClockName.class);
        next.putAll(clocks);
        next.computeIfPresent(name, (key, track) -> change.apply(track));
        return next;
    }

    Map<ClockName, ClockTrack> stopAll() {
        return mapClocks(ticket.clocks(), track -> track.stop(now));
    }

    ClockStatus status(ClockTrack track) {
        return policy.deadlines().compute(track);
    }

    /** The handling deadline of a set of clocks, or null when there is none (or it is paused). */
    Instant handleDue(Map<ClockName, ClockTrack> clocks) {
        ClockTrack handle = clocks.get(ClockName.HANDLE);
        return handle == null ? null : status(handle).dueAt();
    }
}
