package org.hotline.core.time;

import java.time.Instant;
import java.util.Objects;

/**
 * An SLA alarm the ticket has already recorded for a clock: the yellow warning ({@code overdue}
 * false) or the overdue card ({@code overdue} true) for the deadline {@code dueAt}. Remembering it
 * with the clock makes a redelivered alarm (a scheduler killed after the ticket commit, before its
 * own "fired" marker) recognisable in the same atomic commit that records the warning.
 */
public record ClockAlarm(boolean overdue, Instant dueAt) {

    public ClockAlarm {
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Alarms travel as epoch milliseconds (docs/architecture.md), so they match at that precision. */
    public boolean matches(boolean overdue, Instant dueAt) {
        return this.overdue == overdue && this.dueAt.toEpochMilli() == dueAt.toEpochMilli();
    }
}
