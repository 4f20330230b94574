package org.hotline.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One event to append to the ticket event stream, already serialised. {@code version} is the
 * ticket's version after this event.
 */
public record StreamEvent(String type, long version, Instant at, String eventJson) {

    public StreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventJson, "eventJson");
    }
}
