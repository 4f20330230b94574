package org.hotline.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Measures and advances time the way a limit counts it: all of it, or only working days. */
final class CountedTime {

    /** No limit in this domain spans more than a few years of days; guards against bad data. */
    private static final int MAX_DAYS = 3 * 366;

    private final WorkCalendar calendar;
    private final boolean workingDays;

    CountedTime(WorkCalendar calendar, boolean workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (!workingDays) {
            return Duration.between(from, to);
        }
        Duration counted = Duration.ZERO;
        Instant cursor = from;
        for (int day = 0; cursor.isBefore(to) && day <= MAX_DAYS; day++) {
            ZonedDateTime local = cursor.atZone(calendar.zone());
            Instant dayEnd = nextMidnight(local.toLocalDate());
            Instant segmentEnd = dayEnd.isBefore(to) ? dayEnd : to;
            if (calendar.isWorkingDay(local.toLocalDate())) {
                counted = counted.plus(Duration.between(cursor, segmentEnd));
            }
            cursor = segmentEnd;
        }
        return counted;
    }

    /** The instant at which {@code amount} of counted time has passed after {@code from}. */
    Instant advance(Instant from, Duration amount) {
        if (!workingDays) {
            return from.plus(amount);
        }
        Duration left = amount;
        Instant cursor = from;
        for (int day = 0; day <= MAX_DAYS; day++) {
            LocalDate date = cursor.atZone(calendar.zone()).toLocalDate();
            Instant dayEnd = nextMidnight(date);
            if (calendar.isWorkingDay(date)) {
                Duration available = Duration.between(cursor, dayEnd);
                if (left.compareTo(available) <= 0) {
                    return cursor.plus(left);
                }
                left = left.minus(available);
            }
            cursor = dayEnd;
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS + " days of " + from);
    }

    private Instant nextMidnight(LocalDate date) {
        return date.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }
}
