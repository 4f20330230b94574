package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aMessageDueInTheDayGoesAtOnce() {
        assertThat(night.nextAllowed(local("2026-12-07T20:59"))).isEqualTo(local("2026-12-07T20:59"));
    }

    @Test
    void aMessageDueAtNightWaitsForEightOClockNextMorning() {
        assertThat(night.nextAllowed(local("2026-12-07T21:00"))).isEqualTo(local("2026-12-08T08:00"));
        assertThat(night.nextAllowed(local("2026-12-07T23:30"))).isEqualTo(local("2026-12-08T08:00"));
    }

    @Test
    void aMessageDueAfterMidnightWaitsForEightOClockTheSameMorning() {
        assertThat(night.nextAllowed(local("2026-12-08T03:10"))).isEqualTo(local("2026-12-08T08:00"));
        assertThat(night.quietAt(local("2026-12-08T08:00"))).isFalse();
    }

    @Test
    void equalStartAndEndMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);

        assertThat(none.quietAt(local("2026-12-08T03:10"))).isFalse();
    }
}
