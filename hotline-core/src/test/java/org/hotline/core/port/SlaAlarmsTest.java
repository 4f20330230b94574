package org.hotline.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.time.ClockName;
import org.junit.jupiter.api.Test;

/** An assisting unit's alarm travels as {clock}@{unit}; a ticket clock's alarm keeps its plain name. */
class SlaAlarmsTest {

    @Test
    void anAssistingUnitsClockNameCarriesTheUnitAndReadsBack() {
        String name = SlaAlarms.assistingClock(ClockName.OPINION, "d.dongcheng");

        assertThat(name).isEqualTo("OPINION@d.dongcheng");
        assertThat(SlaAlarms.clockOf(name)).isEqualTo(ClockName.OPINION);
        assertThat(SlaAlarms.assistingUnitOf(name)).contains("d.dongcheng");
        assertThat(new SlaAlarm(name, "RED", 5, 5).member("t-1")).isEqualTo("t-1|OPINION@d.dongcheng|RED|5");
    }

    @Test
    void aTicketClockNameHasNoUnitAndAnUnknownClockIsRefused() {
        assertThat(SlaAlarms.clockOf("HANDLE")).isEqualTo(ClockName.HANDLE);
        assertThat(SlaAlarms.assistingUnitOf("HANDLE")).isEmpty();
        assertThatThrownBy(() -> SlaAlarms.clockOf("LUNCH@x")).isInstanceOf(IllegalArgumentException.class);
    }
}
