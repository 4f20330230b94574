package org.hotline.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox's card rule: the running clock due first decides the colour. */
class InboxCardTest {

    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");

    private static ClockStatus running(Instant due, Instant yellow) {
        return new ClockStatus(T, due, yellow, null, false, Duration.ZERO, null, false);
    }

    @Test
    void theClockDueFirstDecidesSoAnOverdueSignClockIsRedWhileHandlingHasDaysLeft() {
        Map<ClockName, ClockStatus> clocks = new EnumMap<>(ClockName.class);
        clocks.put(ClockName.HANDLE, running(T.plus(Duration.ofDays(5)), T.plus(Duration.ofDays(4))));
        clocks.put(ClockName.SIGN, running(T.plus(Duration.ofHours(2)), T.plus(Duration.ofHours(1))));
        InboxCard card = InboxCard.of(clocks).orElseThrow();
        assertThat(card.clock()).isEqualTo(ClockName.SIGN);
        assertThat(card.yellow(T.plus(Duration.ofMinutes(90)))).isTrue();
        assertThat(card.red(T.plus(Duration.ofHours(2)))).isTrue();
        assertThat(card.yellow(T.plus(Duration.ofHours(2)))).as("red is not also yellow").isFalse();
        assertThat(card.red(T) || card.yellow(T)).isFalse();
    }

    @Test
    void stoppedClocksClocksPausedBeforeTheirDeadlineAndTheReturnWindowShowNoCard() {
        Map<ClockName, ClockStatus> clocks = new EnumMap<>(ClockName.class);
        clocks.put(ClockName.SIGN, new ClockStatus(T, T, T, T, false, Duration.ZERO, null, false));
        clocks.put(ClockName.HANDLE, new ClockStatus(T, null, null, null, true, Duration.ofDays(1), null, false));
        clocks.put(ClockName.RETURN_WINDOW, running(T, T));
        assertThat(InboxCard.of(clocks)).isEmpty();
    }

    @Test
    void aLimitWithoutYellowTimeTurnsRedWithoutBeingYellowFirst() {
        InboxCard card = InboxCard.of(Map.of(ClockName.CONTACT, running(T, null))).orElseThrow();
        assertThat(card.yellowAt()).isEqualTo(T);
        assertThat(card.yellow(T.minusSeconds(1))).isFalse();
    }
}
