package org.hotline.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hotline.core.model.TicketEvent;
import org.junit.jupiter.api.Test;

class TicketEventTypeTest {

    @Test
    void everyTicketEventRecordHasExactlyOneTypeWithItsStreamName() {
        for (Class<?> permitted : TicketEvent.class.getPermittedSubclasses()) {
            assertThat(TicketEventType.fromWire(permitted.getSimpleName())).as(permitted.getSimpleName()).isPresent();
        }
        assertThat(TicketEventType.values()).hasSameSizeAs(TicketEvent.class.getPermittedSubclasses());
        assertThat(Arrays.stream(TicketEventType.values()).map(TicketEventType::wireName).distinct())
                .hasSize(TicketEventType.values().length);
    }

    @Test
    void aNameThisBuildDoesNotKnowHasNoType() {
        assertThat(TicketEventType.fromWire("TicketTeleported")).isEmpty();
        assertThat(TicketEventType.fromWire(null)).isEmpty();
        assertThat(TicketEventType.fromWire("TicketSigned")).contains(TicketEventType.TICKET_SIGNED);
    }
}
