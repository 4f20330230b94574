package org.hotline.core.model;

import java.util.List;
import java.util.Objects;

/** The outcome of a command: the next ticket with its events, or a refusal with a code and a Chinese message. */
public sealed interface Decision {

    record Accepted(Ticket ticket, List<TicketEvent> events) implements Decision {
        public Accepted {
            Objects.requireNonNull(ticket, "ticket");
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command records at least one event");
            }
        }
    }

    /**
     * {@code code} is stable, e.g. {@code ticket.illegal-transition}; {@code forbidden} tells the
     * caller that the actor may not do this at all (as opposed to "not now").
     */
    record Refused(String code, String message, boolean forbidden) implements Decision {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
