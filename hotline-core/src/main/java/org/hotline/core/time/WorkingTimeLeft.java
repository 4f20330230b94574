package org.hotline.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a running clock has left, counted the way its limit counts: working time on the calendar
 * for a working-day limit (weekends and holidays do not count, make-up days do), natural time
 * otherwise. It lets a countdown stand still outside working time instead of showing wall-clock
 * hours that will never be charged. {@code countingChangesAt} is the next instant at which
 * {@code countingNow} flips (null when it never does within the search window), so a screen knows
 * when to refresh.
 */
public record WorkingTimeLeft(Duration remaining, boolean countingNow, Instant countingChangesAt) {

    /** Far enough for any run of holidays and weekends (the Spring Festival week plus weekends). */
    private static final int MAX_DAYS_TO_FLIP = 40;

    /**
     * The time left at {@code now} for a clock with the given status; null for a stopped clock.
     * A paused clock keeps the time left at its pause and is not counting.
     */
    public static WorkingTimeLeft of(WorkCalendar calendar, ClockTrack track, ClockStatus status, Instant now) {
        if (status.stoppedAt() != null) {
            return null;
        }
        if (status.paused() || status.dueAt() == null) {
            return new WorkingTimeLeft(status.remaining(), false, null);
        }
        boolean workingDays = track.limit().countsWorkingDays();
        Duration left = between(calendar, workingDays, now, status.dueAt());
        if (!workingDays) {
            return new WorkingTimeLeft(left, true, null);
        }
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        boolean working = calendar.isWorkingDay(today);
        return new WorkingTimeLeft(left, working, nextFlip(calendar, today, working));
    }

    /** Counted time between two instants: negative when {@code to} is before {@code from}. */
    public static Duration between(WorkCalendar calendar, boolean workingDays, Instant from, Instant to) {
        CountedTime counted = new CountedTime(calendar, workingDays);
        return to.isBefore(from) ? counted.between(to, from).negated() : counted.between(from, to);
    }

    public long remainingSeconds() {
        return remaining.getSeconds();
    }

    private static Instant nextFlip(WorkCalendar calendar, LocalDate today, boolean working) {
        for (int i = 1; i <= MAX_DAYS_TO_FLIP; i++) {
            LocalDate day = today.plusDays(i);
            if (calendar.isWorkingDay(day) != working) {
                return day.atStartOfDay(calendar.zone()).toInstant();
            }
        }
        return null;
    }
}
