package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsConfigTest {

    private static SmsConfig retrying(int maxAttempts, Duration first) {
        return new SmsConfig("smsc", 2775, null, null, null, 20, 10, null, null, null, null, maxAttempts, first);
    }

    @Test
    void theWaitBeforeAResubmitDoublesEachAttemptAndStopsAtAnHour() {
        SmsConfig config = retrying(5, Duration.ofSeconds(60));

        assertThat(config.retryWait(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.retryWait(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.retryWait(4)).isEqualTo(Duration.ofSeconds(480));
        assertThat(config.retryWait(7)).isEqualTo(SmsConfig.MAX_RETRY_WAIT);
        assertThat(config.retryWait(99)).isEqualTo(SmsConfig.MAX_RETRY_WAIT);
    }

    @Test
    void withoutSettingsAMessageIsTriedFiveTimesStartingAfterAMinute() {
        SmsConfig config = SmsConfig.off();

        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.retryWait(1)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void noAttemptAtAllOrANegativeWaitIsRefused() {
        assertThatThrownBy(() -> retrying(0, Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retrying(5, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
