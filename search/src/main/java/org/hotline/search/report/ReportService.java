package org.hotline.search.report;

import org.hotline.search.port.DepartmentTally;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;

/** Department reports and the monthly ranking on top of the backend's tallies (formulas: docs/measures.md). */
public final class ReportService {

    private final TicketSearch search;
    private final ZoneId zone;
    private final double basicallySatisfiedWeight;

    public ReportService(TicketSearch search, ZoneId zone, double basicallySatisfiedWeight) {
        this.search = search;
        this.zone = zone;
        this.basicallySatisfiedWeight = basicallySatisfiedWeight;
    }

    /**
     * One row per unit that led or assisted on tickets received in the period, by unit id: the lead's
     * figures, and its figures as an assisting unit (协办) beside them; a unit that only assisted has
     * empty lead counts.
     */
    public Future<List<DepartmentRow>> departments(Period period, Instant asOf) {
        return search.departmentTallies(period, asOf).compose(tallies -> search.assistanceTallies(period).map(assisting -> {
            var rows = new TreeMap<String, DepartmentRow>();
            tallies.forEach((department, counts) -> rows.put(department, DepartmentRow.of(department, counts, basicallySatisfiedWeight)));
            assisting.forEach((department, counts) -> rows.put(department, rows.computeIfAbsent(department,
                    d -> DepartmentRow.of(d, DepartmentTally.EMPTY, basicallySatisfiedWeight)).withAssisting(counts)));
            return new ArrayList<>(rows.values());
        }));
    }

    /** The zone months and days are counted in (the search configuration's). */
    public ZoneId zone() {
        return zone;
    }

    public Future<CenterRow> center(Period period) {
        return search.centerTally(period).map(CenterRow::of);
    }

    /** The month's departments ranked by {@link #score}, best first; ties broken by department id. */
    public Future<List<RankedDepartment>> ranking(YearMonth month, Instant asOf) {
        var period = new Period(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        return departments(period, asOf.isBefore(period.to()) ? asOf : period.to()).map(rows -> {
            var ranked = new ArrayList<RankedDepartment>();
            // ranked as lead units, as before: a unit that only assisted has no lead figures to rank
            rows.stream().filter(row -> row.counts().tickets() > 0).sorted(Comparator.comparingDouble(ReportService::score).reversed()
                            .thenComparing(DepartmentRow::department))
                    .forEach(row -> ranked.add(new RankedDepartment(ranked.size() + 1, score(row), row)));
            return ranked;
        });
    }

    public record RankedDepartment(int rank, double score, DepartmentRow row) {
    }

    /**
     * Weighted mean of the rates that have a denominator: on-time sign-for 0.15, response 0.15,
     * on-time completion 0.30, resolution 0.20, satisfaction 0.20 (weights renormalised over the
     * rates present), times 100.
     */
    static double score(DepartmentRow row) {
        double[][] parts = {
            {value(row.onTimeSignRate()), 0.15}, {value(row.responseRate()), 0.15},
            {value(row.onTimeCompletionRate()), 0.30}, {value(row.resolutionRate()), 0.20},
            {value(row.satisfactionRate()), 0.20}};
        double sum = 0;
        double weights = 0;
        for (double[] part : parts) {
            if (!Double.isNaN(part[0])) {
                sum += part[0] * part[1];
                weights += part[1];
            }
        }
        return weights == 0 ? 0 : Math.round(sum / weights * 10_000.0) / 100.0;
    }

    private static double value(Double rate) {
        return rate == null ? Double.NaN : rate;
    }
}
