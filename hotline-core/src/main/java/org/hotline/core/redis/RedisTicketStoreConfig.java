package org.hotline.core.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis ticket store.
 *
 * @param keys           key layout (prefix, stream, alarm set); default {@link RedisTicketKeys#defaults()}
 * @param idempotencyTtl how long an intake idempotency key keeps pointing to its ticket; default 7 days
 */
public record RedisTicketStoreConfig(RedisTicketKeys keys, Duration idempotencyTtl) {

    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofDays(7);

    public RedisTicketStoreConfig {
        keys = Objects.requireNonNullElse(keys, RedisTicketKeys.defaults());
        idempotencyTtl = Objects.requireNonNullElse(idempotencyTtl, DEFAULT_IDEMPOTENCY_TTL);
        if (idempotencyTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("idempotencyTtl must be at least one second, was " + idempotencyTtl);
        }
    }

    public static RedisTicketStoreConfig defaults() {
        return new RedisTicketStoreConfig(null, null);
    }
}
