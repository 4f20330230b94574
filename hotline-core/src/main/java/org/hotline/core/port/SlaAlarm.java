package org.hotline.core.port;

import java.util.Objects;

/** One armed SLA alarm: fires at {@code fireAtEpochMs}; see docs/architecture.md. */
public record SlaAlarm(String clock, String level, long dueEpochMs, long fireAtEpochMs) {

    public SlaAlarm {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(level, "level");
    }

    /** The sorted-set member for a ticket: {ticketId}|{clock}|{level}|{dueEpochMs}. */
    public String member(String ticketId) {
        return ticketId + "|" + clock + "|" + level + "|" + dueEpochMs;
    }
}
