package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.port.SlaAlarm;
import org.junit.jupiter.api.Test;

class SlaAlarmFiredTest {

    @Test
    void aMemberWrittenByCoreParsesBackIntoItsParts() {
        String member = new SlaAlarm("HANDLING", "YELLOW", 1_700_000_000_000L, 1_699_999_000_000L).member("t-42");
        SlaAlarmFired fired = SlaAlarmFired.parse(member, 1_699_999_000_000L, 1_699_999_000_050L);
        assertThat(fired.ticketId()).isEqualTo("t-42");
        assertThat(fired.clock()).isEqualTo("HANDLING");
        assertThat(fired.level()).isEqualTo("YELLOW");
        assertThat(fired.dueEpochMs()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aMemberWithTooFewFieldsIsRefused() {
        assertThatThrownBy(() -> SlaAlarmFired.parse("t|RED|1", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
