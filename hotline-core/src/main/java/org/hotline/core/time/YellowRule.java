package org.hotline.core.time;

import java.time.Duration;

/**
 * When the yellow card shows: for working-day limits longer than {@code remainingWorkingDays},
 * when that many working days remain; otherwise when {@code remainingFraction} of the limit remains.
 */
public record YellowRule(int remainingWorkingDays, double remainingFraction) {

    public static final YellowRule DEFAULT = new YellowRule(1, 0.2);

    public YellowRule {
        if (remainingWorkingDays < 0 || remainingFraction <= 0 || remainingFraction >= 1) {
            throw new IllegalArgumentException("yellow rule needs days >= 0 and 0 < fraction < 1");
        }
    }

    /** How much counted time remains at the yellow card, for a clock with {@code total} counted time. */
    public Duration remainingAt(boolean workingDays, Duration total) {
        Duration days = Duration.ofDays(remainingWorkingDays);
        if (workingDays && remainingWorkingDays > 0 && total.compareTo(days) > 0) {
            return days;
        }
        return Duration.ofMillis(Math.round(total.toMillis() * remainingFraction));
    }
}
