package org.hotline.search.report;

import java.time.Instant;
import org.hotline.search.doc.TicketDocument;

/** The SLA card a ticket shows on the handling clock as of an instant (DOMAIN.md: yellow before the deadline, red at it). */
public enum Cards {
    NONE, YELLOW, RED;

    public static Cards of(TicketDocument t, Instant asOf) {
        Instant due = t.due().handle();
        if (!t.open() || t.at().replied() != null || due == null) {
            return NONE;
        }
        if (!due.isAfter(asOf)) {
            return RED;
        }
        Instant yellow = t.due().handleYellow();
        return yellow != null && !yellow.isAfter(asOf) ? YELLOW : NONE;
    }
}
