package org.hotline.search.report;

import java.util.Objects;

/**
 * One line of the misroute report (错派率, docs/measures.md): the month of first assignment
 * ({@code 2026-11}, in the configured zone), the ticket's category code, the counts, and the rates
 * overall, of automatic and of manual assignments; a rate is null when nothing was assigned that way.
 */
public record MisrouteRow(String month, String category, MisrouteTally counts,
                          Double rate, Double autoRate, Double manualRate) {

    public MisrouteRow {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(counts, "counts");
    }

    public static MisrouteRow of(String month, String category, MisrouteTally c) {
        return new MisrouteRow(month, category, c, Rates.of(c.misrouted(), c.assigned()),
                Rates.of(c.autoMisrouted(), c.autoAssigned()), Rates.of(c.manualMisrouted(), c.manualAssigned()));
    }
}
