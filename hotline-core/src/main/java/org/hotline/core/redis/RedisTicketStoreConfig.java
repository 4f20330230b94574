package org.hotline.core.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis ticket store.
 *
 * @param keys           key layout (prefix, stream, alarm set); default {@link RedisTicketKeys#defaults()}
 * @param idempotencyTtl how long an intake idempotency key keeps pointing to its ticket; default 7 days
 * @param maxInFlight    commits (create/commit) this store instance lets wait for Redis at once; beyond
 *                       that it refuses at once with UNAVAILABLE instead of queueing work that would
 *                       time out anyway (see docs/benchmarks/core-store.md); default 512
 * @param maxHistoryScan stream entries read at most to find the early events of a ticket committed
 *                       before per-ticket event lists existed; default 200,000
 */
public record RedisTicketStoreConfig(RedisTicketKeys keys, Duration idempotencyTtl, int maxInFlight, long maxHistoryScan) {

    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofDays(7);
    public static final int DEFAULT_MAX_IN_FLIGHT = 512;
    public static final long DEFAULT_MAX_HISTORY_SCAN = 200_000;

    public RedisTicketStoreConfig {
        keys = Objects.requireNonNullElse(keys, RedisTicketKeys.defaults());
        idempotencyTtl = Objects.requireNonNullElse(idempotencyTtl, DEFAULT_IDEMPOTENCY_TTL);
        if (idempotencyTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("idempotencyTtl must be at least one second, was " + idempotencyTtl);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (maxHistoryScan < 0) {
            throw new IllegalArgumentException("maxHistoryScan must not be negative, was " + maxHistoryScan);
        }
    }

    public RedisTicketStoreConfig(RedisTicketKeys keys, Duration idempotencyTtl, int maxInFlight) {
        this(keys, idempotencyTtl, maxInFlight, DEFAULT_MAX_HISTORY_SCAN);
    }

    public static RedisTicketStoreConfig defaults() {
        return new RedisTicketStoreConfig(null, null, DEFAULT_MAX_IN_FLIGHT);
    }

    public RedisTicketStoreConfig withMaxInFlight(int limit) {
        return new RedisTicketStoreConfig(keys, idempotencyTtl, limit, maxHistoryScan);
    }

    public RedisTicketStoreConfig withMaxHistoryScan(long entries) {
        return new RedisTicketStoreConfig(keys, idempotencyTtl, maxInFlight, entries);
    }
}
