package org.hotline.search.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.search.index.StreamEntries;
import org.junit.jupiter.api.Test;

class CenterTallyTest {

    @Test
    void aCallbackOrReturnVisitIsNoOfferedCall() {
        CenterTally tally = CenterTally.EMPTY
                .plusCall(Map.of("outcome", "ANSWERED", "waitSeconds", "3", "talkSeconds", "40"))
                .plusCall(Map.of("direction", "OUTBOUND", "outcome", "ANSWERED", "waitSeconds", "0", "talkSeconds", "60"))
                .plusCall(Map.of("direction", "OUTBOUND", "outcome", "NO_ANSWER", "waitSeconds", "0", "talkSeconds", "0"));

        assertThat(tally.offered()).isEqualTo(1);
        assertThat(tally.answered()).isEqualTo(1);
        assertThat(tally.talkSeconds()).isEqualTo(40);
    }

    @Test
    void anOutboundRecordIsIndexedUnderATypeTheCenterCountsNever() {
        assertThat(StreamEntries.callType(Map.of("direction", "OUTBOUND", "outcome", "ANSWERED"))).isEqualTo("OUTBOUND_ANSWERED");
        assertThat(StreamEntries.callType(Map.of("direction", "INBOUND", "outcome", "ABANDONED"))).isEqualTo("ABANDONED");
        assertThat(StreamEntries.callType(Map.of("outcome", "ANSWERED"))).isEqualTo("ANSWERED");
    }
}
