package org.hotline.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock as computed from its track. {@code dueAt} and {@code yellowAt} are null while the clock
 * is paused before reaching them (they depend on when it resumes); {@code remaining} is the counted
 * time left at the last mark (negative when overdue).
 */
public record ClockStatus(
        Instant startedAt, Instant dueAt, Instant yellowAt, Instant stoppedAt, boolean paused,
        Duration remaining, Derivation derivation) {

    public boolean running() {
        return stoppedAt == null && !paused;
    }
}
