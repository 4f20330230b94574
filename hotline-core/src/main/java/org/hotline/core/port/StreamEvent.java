package org.hotline.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One event to append to the ticket event stream, already serialised. {@code version} is the
 * ticket's version after this event; {@code carriesSnapshot}: whether its entry carries the ticket's
 * snapshot (lean entries: {@code TicketEventType.carriesSnapshot}, decided where events become stream events).
 */
public record StreamEvent(String type, long version, Instant at, String eventJson, boolean carriesSnapshot) {

    public StreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventJson, "eventJson");
    }

    /** An event whose entry carries the snapshot, as every entry did before lean entries (and read back from history, where it does not matter). */
    public StreamEvent(String type, long version, Instant at, String eventJson) {
        this(type, version, at, eventJson, true);
    }

    /** The same event whatever its stream entry carried: the ticket's history does not keep that, and need not. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StreamEvent e && type.equals(e.type) && version == e.version && at.equals(e.at)
                && eventJson.equals(e.eventJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, version, at, eventJson);
    }
}
