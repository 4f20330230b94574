package org.hotline.core.port;

import java.util.Optional;
import org.hotline.core.time.ClockName;

/**
 * The clock names alarms travel under: a ticket clock by its name ({@code HANDLE}), an assisting
 * unit's own clock (协办) as {@code {clock}@{unit}} ({@code OPINION@water-bureau}); unit ids never
 * contain {@code @} or {@code |}. Written by the ticket commit, read back by the scheduler's sink.
 */
public final class SlaAlarms {

    private SlaAlarms() {
    }

    public static String assistingClock(ClockName clock, String unit) {
        return clock.name() + "@" + unit;
    }

    /** The clock of an alarm's clock name; throws IllegalArgumentException for a name this build does not know. */
    public static ClockName clockOf(String alarmClock) {
        int at = alarmClock.indexOf('@');
        return ClockName.valueOf(at < 0 ? alarmClock : alarmClock.substring(0, at));
    }

    /** The assisting unit an alarm's clock belongs to; empty for the ticket's own clocks. */
    public static Optional<String> assistingUnitOf(String alarmClock) {
        int at = alarmClock.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(alarmClock.substring(at + 1));
    }
}
