package org.hotline.search.port;

import java.util.List;

/** A page of hits; {@code nextSearchAfter} is an opaque token for the next page, null on the last one. */
public record SearchPage(long total, List<TicketHit> hits, String nextSearchAfter) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
