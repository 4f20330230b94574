package org.hotline.search.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSort;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.report.ReportService;

/**
 * The numbers on the supervisor dashboard, all from the search backend in one JSON: open tickets by
 * status, yellow/red cards, the overdue list with deadlines, today's volumes by channel, this month's
 * department rates and the daily trend of the last 30 days.
 */
public final class DashboardSummary {

    private final TicketSearch search;
    private final ReportService reports;
    private final ZoneId zone;
    private final Clock clock;
    private final Function<String, String> departmentNames;

    public DashboardSummary(TicketSearch search, ReportService reports, ZoneId zone, Clock clock,
                            Function<String, String> departmentNames) {
        this.search = search;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
        this.departmentNames = departmentNames;
    }

    public Future<JsonObject> compute() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        var month = new Period(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), tomorrow);
        var overdue = new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                null, null, true, null, now, TicketSort.DEADLINE, 20, null);
        var open = search.openSummary(now);
        var overdueList = search.search(overdue, SearchScope.all());
        var todayVolumes = search.volumes(new Period(startOfToday, tomorrow), VolumeInterval.DAY, VolumeDimension.CHANNEL);
        var trend = search.volumes(new Period(startOfToday.minus(Duration.ofDays(29)), tomorrow), VolumeInterval.DAY, VolumeDimension.TOTAL);
        var departments = reports.departments(month, now);
        return Future.all(open, overdueList, todayVolumes, trend, departments).map(all -> {
            var json = new JsonObject().put("asOf", now.toString());
            var o = open.result();
            json.put("open", new JsonObject().put("byStatus", new JsonObject(new java.util.HashMap<>(o.byStatus())))
                    .put("total", o.byStatus().values().stream().mapToLong(Long::longValue).sum())
                    .put("yellow", o.yellow()).put("red", o.red()));
            var list = new JsonArray();
            overdueList.result().hits().forEach(h -> list.add(new JsonObject().put("number", h.ticket().number())
                    .put("title", h.ticket().title()).put("department", h.ticket().leadDepartment())
                    .put("departmentName", name(h.ticket().leadDepartment()))
                    .put("status", h.ticket().status()).put("dueAt", String.valueOf(h.ticket().due().handle()))));
            json.put("overdue", new JsonObject().put("total", overdueList.result().total()).put("tickets", list));
            var channels = new JsonObject();
            todayVolumes.result().forEach(b -> channels.put(b.key(), b.count()));
            json.put("today", new JsonObject().put("total", todayVolumes.result().stream().mapToLong(b -> b.count()).sum())
                    .put("byChannel", channels));
            var days = new JsonArray();
            trend.result().forEach(b -> days.add(new JsonObject().put("day", b.period()).put("count", b.count())));
            json.put("trend", days);
            var rows = new JsonArray();
            departments.result().forEach(r -> rows.add(new JsonObject().put("department", r.department())
                    .put("departmentName", name(r.department())).put("tickets", r.counts().tickets())
                    .put("onTimeSignRate", r.onTimeSignRate()).put("responseRate", r.responseRate())
                    .put("onTimeCompletionRate", r.onTimeCompletionRate()).put("satisfactionRate", r.satisfactionRate())
                    .put("overdue", r.counts().overdue())));
            json.put("departments", rows);
            return json;
        });
    }

    private String name(String department) {
        return department == null ? null : departmentNames.apply(department);
    }
}
