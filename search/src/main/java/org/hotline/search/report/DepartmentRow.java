package org.hotline.search.report;

import org.hotline.search.port.DepartmentTally;
import java.util.Objects;
import org.hotline.search.port.AssistanceTally;

/**
 * One department's line in the report: the raw counts and the rates of docs/measures.md. A rate is
 * null when nothing was due (no denominator), which differs from a rate of 0. {@code satisfactionRate} is
 * the final 满意率 (each ticket's last return visit), {@code firstSatisfactionRate} the 一次满意率 (each
 * ticket's first return visit, before any 重办). {@code assisting}: the unit's figures as an assisting unit
 * (协办), null when it assisted on nothing in the period; the lead's figures above do not include them.
 */
public record DepartmentRow(String department, DepartmentTally counts, Double onTimeSignRate,
                            Double responseRate, Double onTimeCompletionRate, Double resolutionRate,
                            Double satisfactionRate, Double averageHandlingHours, Double firstSatisfactionRate,
                            AssistanceRow assisting) {

    public DepartmentRow {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(counts, "counts");
    }

    public static DepartmentRow of(String department, DepartmentTally c, double basicallySatisfiedWeight) {
        return new DepartmentRow(department, c,
                rate(c.signedOnTime(), c.signDue()),
                rate(c.responded(), c.responseDue()),
                rate(c.completedOnTime(), c.completionDue()),
                rate(c.resolved(), c.visited()),
                rate(c.satisfied() + basicallySatisfiedWeight * c.basicallySatisfied(), c.rated()),
                c.replied() == 0 ? null : round(c.handlingSeconds() / 3600.0 / c.replied()),
                rate(c.firstSatisfied() + basicallySatisfiedWeight * c.firstBasicallySatisfied(), c.firstRated()), null);
    }

    public DepartmentRow withAssisting(AssistanceTally tally) {
        return new DepartmentRow(department, counts, onTimeSignRate, responseRate, onTimeCompletionRate, resolutionRate,
                satisfactionRate, averageHandlingHours, firstSatisfactionRate, AssistanceRow.of(tally));
    }

    private static Double rate(double numerator, long denominator) {
        return Rates.of(numerator, denominator);
    }

    private static double round(double value) {
        return Rates.round(value);
    }
}
