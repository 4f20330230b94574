package org.hotline.search.port;

import java.util.List;

/** What happened to each document of a batch; {@code refused} lists those that can never be indexed. */
public record IndexOutcome(int indexed, int stale, List<Refused> refused) {

    public IndexOutcome {
        refused = List.copyOf(refused);
    }

    public record Refused(String ticketId, long version, String error) {
    }
}
