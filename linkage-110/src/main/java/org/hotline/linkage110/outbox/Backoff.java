package org.hotline.linkage110.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th retry waits between half and all of
 * min(max, base * 2^(n-1)), so many messages failing together do not retry in lockstep.
 */
public record Backoff(Duration base, Duration max) {

    public Duration delayAfter(int attempts, DoubleSupplier random) {
        long cap = max.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long exponential = Math.min(cap, base.toMillis() << doublings);
        long half = exponential / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (exponential - half)));
    }
}
