package org.hotline.search.port;

import java.util.Map;
import org.hotline.search.doc.TicketDocument;

/** One search result: the document, its score (NaN when sorted by a field) and highlighted fragments by field. */
public record TicketHit(TicketDocument ticket, double score, Map<String, String> highlights) {

    public TicketHit {
        highlights = Map.copyOf(highlights);
    }
}
