package org.hotline.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.wire.WireFixtures.SEED;
import static org.hotline.core.wire.WireFixtures.SNAPSHOTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.hotline.core.model.*;
import org.hotline.core.time.ClockAlarm;
import org.hotline.core.time.ClockName;
import org.junit.jupiter.api.Test;

/** The SLA alarms a clock recorded travel in ticket.v1 {@code clocks[*].alarms}, which older snapshots lack. */
class SnapshotAlarmsTest {

    private static final Actor SCHEDULER = Actor.system("sla-scheduler");

    private static Ticket step(Ticket t, Command c, Actor a, Instant at) {
        return WireFixtures.step(t, c, a, at);
    }

    private static Ticket assigned() {
        return WireFixtures.assigned(Set.of());
    }

    private static Instant signDue(Ticket t) {
        return SEED.timeLimits().deadlines().compute(t.clocks().get(ClockName.SIGN)).dueAt();
    }

    @Test
    void recordedAlarmsSurviveTheSnapshotRoundTrip() throws Exception {
        Ticket t = assigned();
        Instant due = signDue(t);
        Ticket warned = step(step(t, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.YELLOW, due), SCHEDULER, due),
                new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due), SCHEDULER, due);

        String json = SNAPSHOTS.toJson(warned);
        Ticket back = SNAPSHOTS.fromJson(json);
        assertThat(back).isEqualTo(warned);
        assertThat(back.clocks().get(ClockName.SIGN).alarms()).containsExactly(new ClockAlarm(false, due), new ClockAlarm(true, due));
        JsonNode alarms = WireJson.mapper().readTree(json).at("/clocks/SIGN/alarms");
        assertThat(alarms.get(0).get("level").asText()).isEqualTo("YELLOW");
        assertThat(alarms.get(1).get("level").asText()).isEqualTo("RED");
        assertThat(alarms.get(1).get("dueAt").asText()).isEqualTo(due.toString());
    }

    @Test
    void aSnapshotWrittenBeforeAlarmsWereKeptStillLoads() throws Exception {
        Ticket t = assigned();
        ObjectNode json = (ObjectNode) WireJson.mapper().readTree(SNAPSHOTS.toJson(t));
        json.get("clocks").forEach(clock -> ((ObjectNode) clock).remove("alarms"));
        assertThat(json.at("/clocks/SIGN").has("alarms")).isFalse();

        Ticket old = SNAPSHOTS.fromJson(WireJson.mapper().writeValueAsString(json));
        assertThat(old).isEqualTo(t);
        assertThat(old.clocks().values()).allSatisfy(track -> assertThat(track.alarms()).isEmpty());
        Instant due = signDue(old);
        assertThat(TicketRules.decide(old, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due), SCHEDULER, due,
                SEED.timeLimits())).isInstanceOf(Decision.Accepted.class);
    }
}
