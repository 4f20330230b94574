package org.hotline.search.port;

import org.hotline.search.doc.TicketDocument;

/**
 * Tickets first assigned in one month and category, split by who assigned them (auto-dispatch or a
 * person), and how many of them were misrouted (an approved 退单 since); rates in {@code report.MisrouteRow}.
 */
public record MisrouteTally(long autoAssigned, long autoMisrouted, long manualAssigned, long manualMisrouted) {

    public static final MisrouteTally EMPTY = new MisrouteTally(0, 0, 0, 0);

    public MisrouteTally plus(TicketDocument.Routing r) {
        int wrong = r.misrouted() ? 1 : 0;
        return r.automatic()
                ? new MisrouteTally(autoAssigned + 1, autoMisrouted + wrong, manualAssigned, manualMisrouted)
                : new MisrouteTally(autoAssigned, autoMisrouted, manualAssigned + 1, manualMisrouted + wrong);
    }

    public MisrouteTally plus(MisrouteTally o) {
        return new MisrouteTally(autoAssigned + o.autoAssigned, autoMisrouted + o.autoMisrouted,
                manualAssigned + o.manualAssigned, manualMisrouted + o.manualMisrouted);
    }

    public long assigned() {
        return autoAssigned + manualAssigned;
    }

    public long misrouted() {
        return autoMisrouted + manualMisrouted;
    }
}
