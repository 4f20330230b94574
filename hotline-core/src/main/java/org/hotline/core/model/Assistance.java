package org.hotline.core.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;
import org.hotline.core.time.TimeLimit;

/**
 * One assisting unit's part of a ticket (协办): its own sign-for ({@link ClockName#SIGN}) and opinion
 * ({@link ClockName#OPINION}) clocks, when it signed, and the opinion (协办意见) it gave the lead unit.
 * {@code endedAt} is set when the ticket left handling (the lead's reply, a close, a merge) while the
 * unit still owed something: its running clocks stopped then and it can no longer sign or answer.
 */
public record Assistance(String department, Map<ClockName, ClockTrack> clocks, Instant signedAt,
                         String opinion, Instant answeredAt, Instant endedAt) {

    public Assistance {
        Texts.require(department, "协办单位", 64);
        clocks = Map.copyOf(clocks);
        if ((opinion == null) != (answeredAt == null)) {
            throw new IllegalArgumentException("an opinion comes with the time it was given");
        }
    }

    /** A unit just named as assisting: its clocks start now with {@code limits} (a clock without a limit does not run). */
    public static Assistance start(String department, Map<ClockName, TimeLimit> limits, Instant now) {
        Map<ClockName, ClockTrack> clocks = new EnumMap<>(ClockName.class);
        limits.forEach((name, limit) -> clocks.put(name, ClockTrack.start(limit, now)));
        return new Assistance(department, clocks, null, null, null, null);
    }

    public boolean signed() {
        return signedAt != null;
    }

    public boolean answered() {
        return answeredAt != null;
    }

    /** Still owes a signature or an opinion and may give it. */
    public boolean open() {
        return endedAt == null && !answered();
    }

    Assistance sign(Instant now) {
        return new Assistance(department, stop(ClockName.SIGN, now), now, opinion, answeredAt, endedAt);
    }

    Assistance answer(String text, Instant now) {
        Objects.requireNonNull(text, "text");
        return new Assistance(department, stop(ClockName.OPINION, now), signedAt, text, now, endedAt);
    }

    /** The ticket left handling: every clock stops; an unfinished part is marked ended. */
    Assistance end(Instant now) {
        Map<ClockName, ClockTrack> stopped = Step.mapClocks(clocks, track -> track.stop(now));
        return new Assistance(department, stopped, signedAt, opinion, answeredAt, open() ? now : endedAt);
    }

    Assistance mapClocks(UnaryOperator<ClockTrack> change) {
        return new Assistance(department, Step.mapClocks(clocks, change), signedAt, opinion, answeredAt, endedAt);
    }

    Assistance withClock(ClockName name, ClockTrack track) {
        Map<ClockName, ClockTrack> next = new EnumMap<>(ClockName.class);
        next.putAll(clocks);
        next.put(name, track);
        return new Assistance(department, next, signedAt, opinion, answeredAt, endedAt);
    }

    private Map<ClockName, ClockTrack> stop(ClockName name, Instant now) {
        return Step.mapClock(clocks, name, track -> track.stop(now));
    }
}
