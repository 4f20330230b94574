package org.hotline.core.stream.group;

/**
 * A consumer group's counters on this node since it started: entries handled (acknowledged, poison
 * included), parked as poison, claimed from other consumers, rounds that failed, and the lag of the
 * last acknowledged batch (acknowledgement time minus the time Redis appended its last entry).
 */
public record GroupStats(String group, long handled, long parked, long claimed, long failedRounds, long lastLagMillis) {
}
