package org.hotline.dispatch.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hotline.core.time.WorkCalendar;

/**
 * The duty calendar for notifications: duty periods on every working day of the work calendar
 * (public holidays off, make-up working days on, as the State Council publishes them).
 */
public record DutyHours(WorkCalendar calendar, List<Period> periods) {

    /** How far ahead a next duty start is looked for (the longest holiday is 8–9 days). */
    private static final int HORIZON_DAYS = 60;

    /** One duty period of a working day, local time, {@code start} before {@code end}. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a duty period starts before it ends: " + start + "–" + end);
            }
        }
    }

    public DutyHours {
        Objects.requireNonNull(calendar, "calendar");
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("at least one duty period is required");
        }
        periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
    }

    /** Office hours of the seed city's units: 08:30–12:00 and 13:30–17:30. */
    public static final List<Period> OFFICE = List.of(new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new Period(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    /** {@link #OFFICE} hours on the working days of {@code calendar}. */
    public static DutyHours office(WorkCalendar calendar) {
        return new DutyHours(calendar, OFFICE);
    }

    /** {@code at} itself when it falls in a duty period, else the start of the next one. */
    public Instant nextOnDuty(Instant at) {
        ZonedDateTime local = at.atZone(calendar.zone());
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                Instant start = day.atTime(period.start()).atZone(calendar.zone()).toInstant();
                Instant end = day.atTime(period.end()).atZone(calendar.zone()).toInstant();
                if (at.isBefore(end)) {
                    return at.isBefore(start) ? start : at;
                }
            }
        }
        return at; // no duty period in sight: never hold a notification back forever
    }
}
