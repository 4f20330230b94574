package org.hotline.core.time;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a clock's history, taken from a ticket event. {@code extension} is set only for
 * EXTEND marks.
 */
public record ClockMark(Kind kind, Instant at, TimeLimit extension) {

    public enum Kind { START, PAUSE, RESUME, EXTEND, STOP }

    public ClockMark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if ((kind == Kind.EXTEND) != (extension != null)) {
            throw new IllegalArgumentException("an extension amount goes with EXTEND marks only");
        }
    }

    public static ClockMark of(Kind kind, Instant at) {
        return new ClockMark(kind, at, null);
    }
}
