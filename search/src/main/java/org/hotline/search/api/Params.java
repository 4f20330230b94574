package org.hotline.search.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.hotline.core.error.HotlineException;

/**
 * Query parameters of the search and report routes. Times are ISO instants, or local dates in the
 * hotline's zone: a date in {@code from} means the start of that day, in {@code to} the end of it.
 */
final class Params {

    private final RoutingContext ctx;
    private final ZoneId zone;

    Params(RoutingContext ctx, ZoneId zone) {
        this.ctx = ctx;
        this.zone = zone;
    }

    String text(String name) {
        String value = ctx.queryParams().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Instant from(String name) {
        return time(name, false);
    }

    Instant to(String name) {
        return time(name, true);
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw HotlineException.invalid("search.param", name + " 只能是 true 或 false");
        };
    }

    int integer(String name, int fallback) {
        String value = text(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HotlineException.invalid("search.param", name + " 须为整数");
        }
    }

    private Instant time(String name, boolean endOfDay) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw HotlineException.invalid("search.param", name + " 须为日期（2026-11-01）或 ISO 时间");
        }
    }
}
