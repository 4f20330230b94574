package org.hotline.dispatch.sla;

import java.time.Duration;

/**
 * @param pollInterval  how often the scheduler wakes up to claim due alarms (the truth is in Redis;
 *                      this bounds the firing delay)
 * @param lease         how long a claimed alarm stays with one scheduler before another may take it over
 * @param batchSize     most alarms claimed per wake-up; a full batch claims again at once
 * @param firedMarkerTtl how long the "already fired" marker of an alarm is kept
 */
public record SlaSchedulerConfig(Duration pollInterval, Duration lease, int batchSize, Duration firedMarkerTtl) {

    public SlaSchedulerConfig {
        if (pollInterval == null || pollInterval.toMillis() < 10 || lease == null || lease.toMillis() < 100
                || batchSize < 1 || firedMarkerTtl == null || firedMarkerTtl.compareTo(lease) <= 0) {
            throw new IllegalArgumentException(
                    "pollInterval >= 10 ms, lease >= 100 ms, batchSize >= 1, firedMarkerTtl > lease required");
        }
    }

    /** Wakes every 100 ms, 30 s leases, 500 alarms per claim, markers kept 7 days. */
    public static SlaSchedulerConfig defaults() {
        return new SlaSchedulerConfig(Duration.ofMillis(100), Duration.ofSeconds(30), 500, Duration.ofDays(7));
    }

    public SlaSchedulerConfig withLease(Duration newLease) {
        return new SlaSchedulerConfig(pollInterval, newLease, batchSize, firedMarkerTtl);
    }
}
