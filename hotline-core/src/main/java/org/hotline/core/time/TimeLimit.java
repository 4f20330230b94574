package org.hotline.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * An amount of time in one unit. Working days are counted as working time: a ticket assigned on
 * Friday at 15:00 with one working day is due on Monday at 15:00 (Saturday and Sunday do not count).
 */
public record TimeLimit(long amount, LimitUnit unit) {

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a time limit is positive, was " + amount);
        }
    }

    public static TimeLimit minutes(long amount) {
        return new TimeLimit(amount, LimitUnit.NATURAL_MINUTES);
    }

    public static TimeLimit hours(long amount) {
        return new TimeLimit(amount, LimitUnit.NATURAL_HOURS);
    }

    public static TimeLimit workingDays(long amount) {
        return new TimeLimit(amount, LimitUnit.WORKING_DAYS);
    }

    /** Parses the configuration form: {@code 30m}, {@code 2h}, {@code 5wd}. */
    public static TimeLimit parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(m|h|wd)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("time limit must look like 30m, 2h or 5wd: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> minutes(amount);
            case "h" -> hours(amount);
            default -> workingDays(amount);
        };
    }

    /** The configuration form, inverse of {@link #parse}. */
    public String code() {
        return amount + switch (unit) {
            case NATURAL_MINUTES -> "m";
            case NATURAL_HOURS -> "h";
            case WORKING_DAYS -> "wd";
        };
    }

    /** The limit as counted time (working days count 24 h of working time each). */
    public Duration asDuration() {
        return switch (unit) {
            case NATURAL_MINUTES -> Duration.ofMinutes(amount);
            case NATURAL_HOURS -> Duration.ofHours(amount);
            case WORKING_DAYS -> Duration.ofDays(amount);
        };
    }

    public boolean countsWorkingDays() {
        return unit == LimitUnit.WORKING_DAYS;
    }

    /** Whether this limit is at most {@code other}; only comparable in the same unit family. */
    public boolean atMost(TimeLimit other) {
        return countsWorkingDays() == other.countsWorkingDays()
                && asDuration().compareTo(other.asDuration()) <= 0;
    }

    /** Chinese, e.g. {@code 5个工作日}, {@code 30分钟}. */
    public String describe() {
        return amount + unit.label();
    }

    @Override
    public String toString() {
        return describe();
    }
}
