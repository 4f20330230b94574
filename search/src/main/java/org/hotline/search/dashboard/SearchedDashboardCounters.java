package org.hotline.search.dashboard;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.port.DashboardCounters;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSearch.VolumeBucket;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;

/**
 * The dashboard figures recomputed from the search store by visiting every open ticket: what the
 * module uses when it is given no counters (a search module on its own, without the ticket store).
 * The server gives it the store's counters instead ({@code RedisDashboardCounters}); this path
 * reports no split by department.
 */
public final class SearchedDashboardCounters implements DashboardCounters {

    private final TicketSearch search;
    private final ZoneId zone;

    public SearchedDashboardCounters(TicketSearch search, ZoneId zone) {
        this.search = search;
        this.zone = zone;
    }

    @Override
    public Future<Figures> read(Instant now, LocalDate today, int days) {
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        var open = search.openSummary(now);
        var daily = search.volumes(new Period(today.minusDays(days - 1L).atStartOfDay(zone).toInstant(), tomorrow),
                VolumeInterval.DAY, VolumeDimension.CHANNEL);
        var month = search.volumes(new Period(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), tomorrow),
                VolumeInterval.MONTH, VolumeDimension.CHANNEL);
        return Future.all(open, daily, month).map(all -> {
            Map<LocalDate, Map<String, Long>> perDay = new LinkedHashMap<>();
            for (int k = days - 1; k >= 0; k--) {
                perDay.put(today.minusDays(k), new HashMap<>());
            }
            daily.result().forEach(b -> perDay.computeIfPresent(LocalDate.parse(b.period()), (d, m) -> add(m, b)));
            Map<String, Long> monthly = new HashMap<>();
            month.result().forEach(b -> add(monthly, b));
            return new Figures(open.result().byStatus(), Map.of(), open.result().yellow(), open.result().red(), perDay, monthly);
        });
    }

    private static Map<String, Long> add(Map<String, Long> counts, VolumeBucket bucket) {
        counts.merge(bucket.key(), bucket.count(), Long::sum);
        return counts;
    }
}
