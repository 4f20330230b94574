package org.hotline.core.http;

import java.time.Duration;

/**
 * Guessing limits on a subject, whatever address the guesses come from.
 *
 * @param queryCodeFailuresPerTicket wrong query codes for one ticket within {@code queryCodePeriod}
 *                                   before its lookups and ratings are refused (429) for the rest of it
 * @param passwordFailuresPerAccount wrong passwords for one account before it is locked (429)
 * @param accountLockPeriod          how long the failures count and the lock lasts (an administrator
 *                                   may unlock earlier)
 */
public record AttemptLimits(int queryCodeFailuresPerTicket, Duration queryCodePeriod,
                            int passwordFailuresPerAccount, Duration accountLockPeriod) {

    public static final AttemptLimits DEFAULTS = new AttemptLimits(10, Duration.ofHours(1), 5, Duration.ofMinutes(15));

    public AttemptLimits {
        if (queryCodeFailuresPerTicket < 1 || passwordFailuresPerAccount < 1) {
            throw new IllegalArgumentException("attempt limits must be at least 1");
        }
        if (queryCodePeriod.toSeconds() < 1 || accountLockPeriod.toSeconds() < 1) {
            throw new IllegalArgumentException("attempt periods must be at least 1 s");
        }
    }
}
