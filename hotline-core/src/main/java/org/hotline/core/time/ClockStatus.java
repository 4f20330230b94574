package org.hotline.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock as computed from its track. {@code dueAt} and {@code yellowAt} are null while the clock
 * is paused before reaching them (they depend on when it resumes); {@code remaining} is the counted
 * time left at the last mark (negative when overdue). {@code provisional}: counted in working days
 * through a year the calendar has no official data for (weekends only there), so the deadline may
 * move when that year is added; the derivation says which year.
 */
public record ClockStatus(
        Instant startedAt, Instant dueAt, Instant yellowAt, Instant stoppedAt, boolean paused,
        Duration remaining, Derivation derivation, boolean provisional) {

    public boolean running() {
        return stoppedAt == null && !paused;
    }
}
