package org.hotline.search.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.report.DepartmentRow;
import org.hotline.search.report.ReportExport;
import org.hotline.search.report.ReportService;

/**
 * The reports API under {@code /api/v1/reports}, for supervisors, dispatchers and admins; a department
 * reads its own line ({@code /my-department}) and nobody else's.
 */
public final class ReportRoutes {

    private static final Role[] READERS = {Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN};

    private final TicketSearch search;
    private final ReportService reports;
    private final ZoneId zone;
    private final Function<String, String> departmentNames;
    private final Clock clock;

    public ReportRoutes(TicketSearch search, ReportService reports, ZoneId zone,
                        Function<String, String> departmentNames, Clock clock) {
        this.search = search;
        this.reports = reports;
        this.zone = zone;
        this.departmentNames = departmentNames;
        this.clock = clock;
    }

    public Router mount(Router router) {
        router.route("/api/v1/reports/*").failureHandler(Problems.failureHandler());
        router.get("/api/v1/reports/departments").handler(Authenticated.require(READERS)).handler(this::departments);
        router.get("/api/v1/reports/volumes").handler(Authenticated.require(READERS)).handler(this::volumes);
        router.get("/api/v1/reports/hot-topics").handler(Authenticated.require(READERS)).handler(this::hotTopics);
        router.get("/api/v1/reports/ranking").handler(Authenticated.require(READERS)).handler(this::ranking);
        router.get("/api/v1/reports/misroutes").handler(Authenticated.require(READERS)).handler(this::misroutes);
        router.get("/api/v1/reports/center").handler(Authenticated.require(READERS)).handler(this::center);
        router.get("/api/v1/reports/my-department").handler(Authenticated.require(Role.DEPARTMENT)).handler(this::departments);
        return router;
    }

    private Period period(Params p) {
        Instant to = p.to("to") != null ? p.to("to") : clock.instant();
        Instant from = p.from("from") != null ? p.from("from") : to.minus(java.time.Duration.ofDays(30));
        return new Period(from, to);
    }

    private void departments(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        String format = p.text("format") == null ? "json" : p.text("format");
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            ctx.fail(HotlineException.invalid("report.format", "format 只能是 json、csv 或 xlsx"));
            return;
        }
        Period period = period(p);
        if (Authenticated.actor(ctx).role() == Role.DEPARTMENT) {
            ownDepartment(ctx, period); // only /my-department lets a department in
            return;
        }
        reports.departments(period, clock.instant()).onSuccess(rows -> send(ctx, format, period, rows)).onFailure(ctx::fail);
    }

    /** The signed-in department's own line of the department report (the same measures), zero tickets when it had none. */
    private void ownDepartment(RoutingContext ctx, Period period) {
        String unit = Authenticated.actor(ctx).departmentId();
        reports.departments(period, clock.instant()).onSuccess(rows -> {
            JsonObject row = rows.stream().filter(r -> r.department().equals(unit)).findFirst()
                    .map(r -> ReportJson.row(r, departmentNames))
                    .orElseGet(() -> new JsonObject().put("department", unit).put("departmentName", departmentNames.apply(unit)).put("tickets", 0));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject()
                    .put("from", period.from().toString()).put("to", period.to().toString()).put("department", row).encode());
        }).onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx, String format, Period period, List<DepartmentRow> rows) {
        var response = ctx.response();
        switch (format) {
            case "csv" -> response.putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"departments.csv\"")
                    .end(Buffer.buffer(ReportExport.csv(ReportExport.rows(rows, departmentNames))));
            case "xlsx" -> response.putHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .putHeader("Content-Disposition", "attachment; filename=\"departments.xlsx\"")
                    .end(Buffer.buffer(ReportExport.xlsx(ReportExport.rows(rows, departmentNames))));
            default -> {
                var array = new JsonArray();
                rows.forEach(r -> array.add(ReportJson.row(r, departmentNames)));
                response.putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject()
                        .put("from", period.from().toString()).put("to", period.to().toString()).put("departments", array).encode());
            }
        }
    }

    private void volumes(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        SearchRoutes.answer(ctx, actor -> {
            Period period = period(p);
            VolumeInterval by = VolumeInterval.parse(p.text("by"));
            VolumeDimension dimension = VolumeDimension.parse(p.text("dimension"));
            return search.volumes(period, by, dimension).map(buckets -> ReportJson.volumes(period, by, dimension, buckets));
        });
    }

    private void hotTopics(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        SearchRoutes.answer(ctx, actor -> {
            Period period = period(p);
            int size = Math.min(Math.max(p.integer("size", 10), 1), 50);
            return search.hotTopics(period, p.text("district"), size).map(ReportJson::topics);
        });
    }

    private void center(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        SearchRoutes.answer(ctx, actor -> {
            Period period = period(p);
            return reports.center(period).map(row -> ReportJson.center(period, row));
        });
    }

    private void misroutes(RoutingContext ctx) {
        // the zone through the report service: the same setting (search.zone), read without adding to the frozen
        // search ↔ search.api package cycle (ArchitectureTest)
        var p = new Params(ctx, reports.zone());
        SearchRoutes.answer(ctx, actor -> {
            Period period = period(p);
            return search.misrouteTallies(period).map(buckets -> ReportJson.misroutes(period, buckets));
        });
    }

    private void ranking(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        SearchRoutes.answer(ctx, actor -> {
            YearMonth month = month(p.text("month"));
            return reports.ranking(month, clock.instant()).map(ranked -> ReportJson.ranking(month, ranked, departmentNames));
        });
    }

    private YearMonth month(String value) {
        if (value == null) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw HotlineException.invalid("report.month", "month 须为 2026-11 这样的年月");
        }
    }
}
