package org.hotline.search.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.hotline.core.port.DashboardCounters;
import org.hotline.core.port.DashboardCounters.Cards;
import org.hotline.core.port.DashboardCounters.Figures;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSort;
import org.hotline.search.report.ReportService;

/**
 * The numbers on the supervisor dashboard in one JSON. Open tickets by status and department,
 * yellow/red cards and the volumes by channel come from the ticket store's counters (O(departments),
 * whatever the number of tickets); the overdue list (20 nearest) and this month's department rates
 * from the search backend's queries and aggregations.
 */
public final class DashboardSummary {

    static final int TREND_DAYS = 30;

    private static final Comparator<Map.Entry<String, Cards>> MOST_RED = Comparator
            .comparing((Map.Entry<String, Cards> e) -> e.getValue().red(), Comparator.reverseOrder())
            .thenComparing(e -> e.getValue().yellow(), Comparator.reverseOrder()).thenComparing(Map.Entry::getKey);

    private final TicketSearch search;
    private final ReportService reports;
    private final DashboardCounters counters;
    private final ZoneId zone;
    private final Clock clock;
    private final Function<String, String> departmentNames;

    public DashboardSummary(TicketSearch search, ReportService reports, DashboardCounters counters, ZoneId zone, Clock clock,
                            Function<String, String> departmentNames) {
        this.search = search;
        this.reports = reports;
        this.counters = counters;
        this.zone = zone;
        this.clock = clock;
        this.departmentNames = departmentNames;
    }

    public Future<JsonObject> compute() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        var month = new Period(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), tomorrow);
        var overdue = new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                null, null, true, null, now, TicketSort.DEADLINE, 20, null);
        var figures = counters.read(now, today, TREND_DAYS);
        var overdueList = search.search(overdue, SearchScope.all());
        var departments = reports.departments(month, now);
        return Future.all(figures, overdueList, departments).map(all -> {
            var json = new JsonObject().put("asOf", now.toString());
            putCounters(json, figures.result(), today);
            var list = new JsonArray();
            overdueList.result().hits().forEach(h -> list.add(new JsonObject().put("number", h.ticket().number())
                    .put("title", h.ticket().title()).put("department", h.ticket().leadDepartment())
                    .put("departmentName", name(h.ticket().leadDepartment()))
                    .put("status", h.ticket().status()).put("dueAt", String.valueOf(h.ticket().due().handle()))));
            json.put("overdue", new JsonObject().put("total", overdueList.result().total()).put("tickets", list));
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

    /**
     * The tickets behind one card count now, deadline first: {@code scope} as {@link DashboardCounters#cardTickets}
     * (null: every inbox), echoed with the department's name.
     */
    public Future<JsonObject> cardTickets(boolean red, String scope, int size) {
        Instant now = clock.instant();
        return counters.cardTickets(scope, red, now, size).map(list -> {
            var tickets = new JsonArray();
            list.forEach(t -> tickets.add(new JsonObject().put("ticketId", t.ticketId()).put("number", t.number())
                    .put("dueAt", t.dueAt().toString()).put("yellowAt", t.yellowAt().toString())));
            var json = new JsonObject().put("asOf", now.toString()).put("colour", red ? "red" : "yellow").put("tickets", tickets);
            if (scope != null && scope.startsWith("d:")) {
                json.put("department", scope.substring(2)).put("departmentName", name(scope.substring(2)));
            } else if (scope != null) {
                json.put("clock", scope.substring(2));
            }
            return json;
        });
    }

    /** open, today, month and trend: the fields before the counters existed, plus open.byDepartment and month. */
    private void putCounters(JsonObject json, Figures f, LocalDate today) {
        var byDepartment = new JsonArray();
        f.openByDepartment().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byDepartment.add(new JsonObject().put("department", e.getKey())
                        .put("departmentName", name(e.getKey())).put("open", e.getValue())));
        json.put("open", new JsonObject().put("byStatus", new JsonObject(new HashMap<>(f.openByStatus())))
                .put("total", f.openTotal()).put("yellow", f.yellow()).put("red", f.red())
                .put("byDepartment", byDepartment).put("cards", cards(f)));
        json.put("today", volumes(f.days().getOrDefault(today, Map.of())));
        json.put("month", volumes(f.month()));
        var days = new JsonArray();
        f.days().forEach((day, channels) -> days.add(new JsonObject().put("day", day.toString())
                .put("count", channels.values().stream().mapToLong(Long::longValue).sum())));
        json.put("trend", days);
    }

    /** Yellow and red as the inboxes show them, per inbox department (by name) and per deciding clock. */
    private JsonObject cards(Figures f) {
        var byDepartment = new JsonArray();
        f.cardsByDepartment().entrySet().stream().sorted(MOST_RED).forEach(e -> byDepartment.add(new JsonObject()
                .put("department", e.getKey()).put("departmentName", name(e.getKey()))
                .put("yellow", e.getValue().yellow()).put("red", e.getValue().red())));
        var byClock = new JsonArray();
        f.cardsByClock().entrySet().stream().sorted(MOST_RED).forEach(e -> byClock.add(new JsonObject()
                .put("clock", e.getKey()).put("yellow", e.getValue().yellow()).put("red", e.getValue().red())));
        return new JsonObject().put("byDepartment", byDepartment).put("byClock", byClock);
    }

    private static JsonObject volumes(Map<String, Long> byChannel) {
        return new JsonObject().put("total", byChannel.values().stream().mapToLong(Long::longValue).sum())
                .put("byChannel", new JsonObject(new HashMap<>(byChannel)));
    }

    private String name(String department) {
        return department == null ? null : departmentNames.apply(department);
    }
}
