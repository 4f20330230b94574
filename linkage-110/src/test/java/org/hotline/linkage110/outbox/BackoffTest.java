package org.hotline.linkage110.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15));

    @Test
    void delayDoublesPerAttemptBetweenHalfAndAllOfTheStep() {
        assertThat(backoff.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(3, () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void delayNeverExceedsTheCapEvenAfterManyAttempts() {
        assertThat(backoff.delayAfter(40, () -> 1.0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(1000, () -> 0.0)).isEqualTo(Duration.ofSeconds(450));
    }
}
