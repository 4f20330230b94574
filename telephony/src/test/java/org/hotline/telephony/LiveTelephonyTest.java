package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveTelephonyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final LiveTelephony live = new LiveTelephony(config(Duration.ofSeconds(15)));

    @Test
    void aQueuedCallerIsShownWaitingUntilAnsweredThenCountedWhenRecorded() {
        List<AmiEvent> events = RecordedAmi.load("answered-call.txt");
        List<CallSignal> signals = new ArrayList<>();
        int joined = -1;
        for (int i = 0; i < events.size(); i++) {
            signals.addAll(live.apply(events.get(i), T0).signals());
            if (events.get(i).is("queuecallerjoin")) {
                joined = i;
                break;
            }
        }
        assertThat(joined).isPositive();
        assertThat(queue("common").getInteger("waiting")).isEqualTo(1);

        events.subList(joined + 1, events.size()).forEach(e -> signals.addAll(live.apply(e, T0).signals()));
        assertThat(queue("common").getInteger("waiting")).isZero();
        live.recorded(live.finish("1795360019.0", T0.plusSeconds(60)).orElseThrow());

        assertThat(queue("common").getLong("answered")).isEqualTo(1);
        assertThat(live.dashboard(T0).getInteger("callsInProgress")).isZero();
    }

    @Test
    void wrapUpStartsWhenAQueueCallCompletesAndEndsOnlyIfTheAgentIsStillInIt() {
        AmiEvent complete = AmiEvent.parse("Event: AgentComplete\nQueue: common\nMemberName: a1001\nReason: agent");

        assertThat(live.apply(complete, T0).wrapUpOf()).contains("a1001");
        live.apply(AmiEvent.parse("Event: QueueMemberPause\nQueue: common\nMemberName: a1001\nPaused: 1\nPausedReason: "
                + AgentBoard.WRAP_UP_REASON), T0);
        assertThat(live.wrapUpEnds("a1001")).isTrue();

        live.apply(AmiEvent.parse("Event: QueueMemberPause\nQueue: common\nMemberName: a1001\nPaused: 1\nPausedReason: 休息"), T0);
        assertThat(live.wrapUpEnds("a1001")).as("paused for a break meanwhile: stays paused").isFalse();
    }

    @Test
    void noWrapUpWhenItsSettingIsZero() {
        LiveTelephony none = new LiveTelephony(config(Duration.ZERO));

        assertThat(none.apply(AmiEvent.parse("Event: AgentComplete\nQueue: common\nMemberName: a1001"), T0).wrapUpOf())
                .isEqualTo(Optional.empty());
    }

    private io.vertx.core.json.JsonObject queue(String name) {
        return live.dashboard(T0).getJsonArray("queues").stream().map(io.vertx.core.json.JsonObject.class::cast)
                .filter(q -> name.equals(q.getString("queue"))).findFirst().orElseThrow();
    }

    private static TelephonyConfig config(Duration wrapUp) {
        return new TelephonyConfig("127.0.0.1", 5038, "u", "s", 4573, null, 4, null, null, wrapUp, null, null);
    }
}
