package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallMeasuresTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void aQueueHourCountsOfferedAnsweredAbandonedAndShortAbandonsApart() {
        CallMeasures m = new CallMeasures(CHINA, CallMeasures.Period.HOUR, Duration.ofSeconds(15))
                .add(call("2026-12-07T01:10:00Z", "common", "a1", "ANSWERED", 10, 100))
                .add(call("2026-12-07T01:20:00Z", "common", "a2", "ANSWERED", 20, 200))
                .add(call("2026-12-07T01:30:00Z", "common", "", "ABANDONED", 30, 0))
                .add(call("2026-12-07T01:40:00Z", "common", "", "ABANDONED", 4, 0))
                .add(call("2026-12-07T01:50:00Z", "", "", "SELF_SERVICE", 0, 0));

        JsonObject common = row(m, "queue", "common");
        assertThat(common.getString("period")).isEqualTo("2026-12-07T09:00");
        assertThat(common.getLong("offered")).isEqualTo(4);
        assertThat(common.getLong("answered")).isEqualTo(2);
        assertThat(common.getLong("abandoned")).isEqualTo(1);
        assertThat(common.getLong("shortAbandoned")).isEqualTo(1);
        // 1 answered within 15 s of the 3 calls that count (the short abandon is left out)
        assertThat(common.getDouble("answerRate15s")).isEqualTo(0.3333);
        assertThat(common.getDouble("abandonmentRate")).isEqualTo(0.3333);
        assertThat(common.getDouble("averageSpeedOfAnswerSeconds")).isEqualTo(15.0);
        assertThat(common.getDouble("averageTalkSeconds")).isEqualTo(150.0);
        assertThat(common.getDouble("averageHandlingSeconds")).isEqualTo(165.0);
    }

    @Test
    void anAgentDayCountsAnsweredCallsAndCallbacksButCallbacksAreNoOfferedCalls() {
        Map<String, String> callback = call("2026-12-07T02:00:00Z", "", "a1", "ANSWERED", 0, 60);
        callback.put("direction", "OUTBOUND");
        Map<String, String> unanswered = call("2026-12-07T03:00:00Z", "", "a1", "NO_ANSWER", 0, 0);
        unanswered.put("direction", "OUTBOUND");
        CallMeasures m = new CallMeasures(CHINA, CallMeasures.Period.DAY, Duration.ZERO)
                .add(call("2026-12-07T01:10:00Z", "common", "a1", "ANSWERED", 10, 100))
                .add(callback).add(unanswered);

        JsonObject a1 = row(m, "agent", "a1");
        assertThat(a1.getString("period")).isEqualTo("2026-12-07");
        assertThat(a1.getLong("answered")).isEqualTo(1);
        assertThat(a1.getLong("outbound")).isEqualTo(2);
        assertThat(a1.getLong("outboundAnswered")).isEqualTo(1);
        assertThat(row(m, "queue", "common").getLong("offered")).isEqualTo(1);
    }

    @Test
    void theExportHasChineseHeadersAndOneLinePerRow() {
        String csv = new CallMeasures(CHINA, CallMeasures.Period.DAY, Duration.ZERO)
                .add(call("2026-12-07T01:10:00Z", "common", "a1", "ANSWERED", 10, 100)).csv();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("15秒接通率").contains("短时放弃(<5秒)");
        assertThat(lines.get(1)).startsWith("2026-12-07,队列,common,1,1,0,0,1.0,0.0,10.0,100.0,100.0");
    }

    private static JsonObject row(CallMeasures m, String dimension, String name) {
        return m.rows().stream().map(JsonObject.class::cast).filter(r -> name.equals(r.getString(dimension)))
                .findFirst().orElseThrow();
    }

    private static Map<String, String> call(String startedAt, String queue, String agent, String outcome, int wait, int talk) {
        Map<String, String> r = new HashMap<>();
        r.put("startedAt", startedAt);
        r.put("queue", queue);
        r.put("agentId", agent);
        r.put("outcome", outcome);
        r.put("waitSeconds", Integer.toString(wait));
        r.put("talkSeconds", Integer.toString(talk));
        r.put("direction", "INBOUND");
        return r;
    }
}
