package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hotline.core.model.TicketStatus;
import org.junit.jupiter.api.Test;

class StatusPromptTest {

    @Test
    void everyTicketStatusHasOneOfTheShippedStatusPrompts() {
        assertThat(Arrays.stream(TicketStatus.values()).map(s -> StatusPrompt.of(s.name())))
                .allSatisfy(prompt -> assertThat(StatusPrompt.ALL).contains(prompt));
        assertThat(StatusPrompt.of("CLOSED")).isEqualTo("closed");
        assertThat(StatusPrompt.of("SIGNED")).isEqualTo("dispatched");
    }

    @Test
    void anUnknownTicketIsNotFoundAndAnUnknownStatusIsStillBeingHandled() {
        assertThat(StatusPrompt.of("NOT_FOUND")).isEqualTo("not-found");
        assertThat(StatusPrompt.of("")).isEqualTo("not-found");
        assertThat(StatusPrompt.of("SOMETHING_NEW")).isEqualTo("handling");
    }

    @Test
    void aTicketNumberIsReadDigitByDigitWithoutItsDashes() {
        assertThat(StatusPrompt.digitsOf("12345-2026-01")).isEqualTo(
                "digits/1&digits/2&digits/3&digits/4&digits/5&digits/2&digits/0&digits/2&digits/6&digits/0&digits/1");
    }
}
