package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueStatisticsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final QueueStatistics stats = new QueueStatistics();

    @Test
    void ratesFollowTheDefinitionsOfDomainMd() {
        stats.finished(record("c1", 10, 120, CallRecord.Outcome.ANSWERED));
        stats.finished(record("c2", 20, 180, CallRecord.Outcome.ANSWERED));
        stats.finished(record("c3", 30, 0, CallRecord.Outcome.ABANDONED));
        stats.finished(record("c4", 15, 60, CallRecord.Outcome.ANSWERED));

        JsonObject s = stats.snapshot("common", T0);

        assertThat(s.getLong("offered")).isEqualTo(4);
        assertThat(s.getDouble("answerRate15s")).isEqualTo(0.5);
        assertThat(s.getDouble("connectionRate")).isEqualTo(0.75);
        assertThat(s.getDouble("abandonmentRate")).isEqualTo(0.25);
        assertThat(s.getDouble("averageWaitSeconds")).isEqualTo(15.0);
        assertThat(s.getDouble("averageTalkSeconds")).isEqualTo(120.0);
    }

    @Test
    void shortAbandonsAreCountedApartAndHandlingTimeAddsTheWrapUp() {
        QueueStatistics withWrapUp = new QueueStatistics(Duration.ofSeconds(15));
        withWrapUp.finished(record("c1", 10, 120, CallRecord.Outcome.ANSWERED));
        withWrapUp.finished(record("c2", 3, 0, CallRecord.Outcome.ABANDONED));
        withWrapUp.finished(record("c3", 40, 0, CallRecord.Outcome.ABANDONED));

        JsonObject s = withWrapUp.snapshot("common", T0);

        assertThat(s.getLong("offered")).isEqualTo(3);
        assertThat(s.getLong("shortAbandoned")).isEqualTo(1);
        assertThat(s.getLong("abandoned")).isEqualTo(1);
        assertThat(s.getDouble("abandonmentRate")).isEqualTo(0.5);
        assertThat(s.getDouble("answerRate15s")).isEqualTo(0.5);
        assertThat(s.getDouble("averageHandlingSeconds")).isEqualTo(135.0);
    }

    @Test
    void waitingCallsAndTheLongestWaitAreLive() {
        stats.queued("common", "c1", T0);
        stats.queued("common", "c2", T0.plusSeconds(20));
        stats.queued("common", "c3", T0.plusSeconds(25));
        stats.leftQueue("common", "c1");

        JsonObject s = stats.snapshot("common", T0.plusSeconds(30));

        assertThat(s.getInteger("waiting")).isEqualTo(2);
        assertThat(s.getLong("longestWaitSeconds")).isEqualTo(10);
    }

    private static CallRecord record(String id, long wait, long talk, CallRecord.Outcome outcome) {
        return new CallRecord(id, "13900000000", "common", outcome == CallRecord.Outcome.ANSWERED ? "a1" : "", T0, T0,
                Duration.ofSeconds(wait), Duration.ofSeconds(talk), CallRecord.HangupSide.CALLER, outcome,
                List.of(), List.of(), "", List.of());
    }
}
