package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {

    @Test
    void theDefaultsAreThePolicyNumbersDispatchUsedToHardCode() {
        assertThat(DispatchSettings.defaults()).isEqualTo(new DispatchSettings(0.9, Duration.ofHours(2), 5, Duration.ofDays(7), 0.35, 0.1));
    }

    @Test
    void numbersOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new DispatchSettings(0, Duration.ofHours(2), 5, Duration.ofDays(7), 0.35, 0.1))
                .hasMessageContaining("autoAssignConfidence");
        assertThatThrownBy(() -> new DispatchSettings(0.6, Duration.ZERO, 5, Duration.ofDays(7), 0.35, 0.1))
                .hasMessageContaining("hotSpotWindow");
        assertThatThrownBy(() -> new DispatchSettings(0.6, Duration.ofHours(2), 1, Duration.ofDays(7), 0.35, 0.1))
                .hasMessageContaining("hotSpotThreshold");
        assertThatThrownBy(() -> new DispatchSettings(0.6, Duration.ofHours(2), 5, Duration.ofDays(-1), 0.35, 0.1))
                .hasMessageContaining("duplicateWindow");
        assertThatThrownBy(() -> new DispatchSettings(0.6, Duration.ofHours(2), 5, Duration.ofDays(7), 1.2, 0.1))
                .hasMessageContaining("duplicateSimilarity");
    }
}
