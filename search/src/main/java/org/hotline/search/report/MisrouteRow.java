package org.hotline.search.report;

import java.util.Objects;

/**
 * One line of the misroute report (错派率, docs/measures.md): the month of first assignment
 * ({@code 2026-11}, in the configured zone), the ticket's category code, the counts of tickets first
 * assigned by auto-dispatch and by a person and how many of each were misrouted, and the rates overall,
 * of automatic and of manual assignments; a rate is null when nothing was assigned that way.
 */
public record MisrouteRow(String month, String category, long autoAssigned, long autoMisrouted,
                          long manualAssigned, long manualMisrouted, Double rate, Double autoRate, Double manualRate) {

    public MisrouteRow {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(category, "category");
    }

    public static MisrouteRow of(String month, String category, long autoAssigned, long autoMisrouted,
                                 long manualAssigned, long manualMisrouted) {
        return new MisrouteRow(month, category, autoAssigned, autoMisrouted, manualAssigned, manualMisrouted,
                Rates.of(autoMisrouted + manualMisrouted, autoAssigned + manualAssigned),
                Rates.of(autoMisrouted, autoAssigned), Rates.of(manualMisrouted, manualAssigned));
    }

    public long assigned() {
        return autoAssigned + manualAssigned;
    }

    public long misrouted() {
        return autoMisrouted + manualMisrouted;
    }
}
