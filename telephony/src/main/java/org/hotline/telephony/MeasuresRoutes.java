package org.hotline.telephony;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;

/**
 * {@code GET /api/telephony/measures?from&to&by&format}: contact-centre measures ({@link CallMeasures})
 * from the call records, per queue and agent, per hour or day; JSON or CSV (the export). Supervisors
 * and administrators only (agents' figures side by side).
 */
final class MeasuresRoutes {

    /** The centre's zone: days and hours of the reports. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 31;
    /** Records one request folds at most (a month of a large centre). */
    static final int MAX_RECORDS = 1_000_000;

    private final TelephonyVerticle telephony;

    private MeasuresRoutes(TelephonyVerticle telephony) {
        this.telephony = telephony;
    }

    static void mount(Router router, TelephonyVerticle telephony) {
        router.get("/api/telephony/measures").handler(new MeasuresRoutes(telephony)::measures);
    }

    private void measures(RoutingContext ctx) {
        Role role = Authenticated.actor(ctx).role();
        if (role != Role.SUPERVISOR && role != Role.ADMIN) {
            throw HotlineException.forbidden("telephony.measures-forbidden", "只有班长和管理员可以查看话务指标");
        }
        LocalDate today = LocalDate.now(ZONE);
        LocalDate from = date(ctx, "from", today);
        LocalDate to = date(ctx, "to", from);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw HotlineException.invalid("telephony.bad-range", "日期范围应为 1 到 " + MAX_DAYS + " 天，且 to 不早于 from");
        }
        CallMeasures.Period by = switch (Optional.ofNullable(ctx.queryParams().get("by")).orElse("day")) {
            case "hour" -> CallMeasures.Period.HOUR;
            case "day" -> CallMeasures.Period.DAY;
            default -> throw HotlineException.invalid("telephony.bad-period", "by 应为 hour 或 day");
        };
        String format = Optional.ofNullable(ctx.queryParams().get("format")).orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw HotlineException.invalid("telephony.bad-format", "format 应为 json 或 csv");
        }
        long start = from.atStartOfDay(ZONE).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
        CallMeasures measures = new CallMeasures(ZONE, by, telephony.settings().wrapUp());
        // A record is written when its call ends: calls that started in the range are read from the
        // entries written up to an hour after it, and kept by their start.
        telephony.store().recordsWritten(start, end + 3_600_000L, MAX_RECORDS, record -> {
            String started = record.getOrDefault("startedAt", "");
            if (!started.isEmpty()) {
                long at = java.time.Instant.parse(started).toEpochMilli();
                if (at >= start && at < end) {
                    measures.add(record);
                }
            }
        }).onSuccess(count -> {
            if ("csv".equals(format)) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"call-measures-" + from + "-" + to + ".csv\"")
                        .end(measures.csv());
            } else {
                ctx.json(new JsonObject().put("from", from.toString()).put("to", to.toString())
                        .put("by", by.name().toLowerCase(java.util.Locale.ROOT)).put("zone", ZONE.getId())
                        .put("rows", measures.rows()));
            }
        }).onFailure(ctx::fail);
    }

    private static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException bad) {
            throw HotlineException.invalid("telephony.bad-date", name + " 应为日期（如 2026-12-07）");
        }
    }
}
