package org.hotline.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.*;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;

/** The commit arms an assisting unit's own clocks like the lead's, under {clock}@{unit}, until they stop. */
class AssistanceAlarmsTest {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final TicketCommits COMMITS = new TicketCommits(SEED.timeLimits().deadlines());
    private static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");
    private static final Actor HELPER = Actor.department("dc1", "d.dongcheng", "东城区经办人");

    private static Ticket step(Ticket t, Command c, Actor a, Instant at) {
        return ((Decision.Accepted) TicketRules.decide(t, c, a, at, SEED.timeLimits())).ticket();
    }

    private static Ticket assigned() {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "占道", "路边摊占道经营",
                new Caller("张三", "13800000000", false, false), Location.unknown(), List.of());
        Ticket t = ((Decision.Accepted) TicketRules.receive(appeal, new TicketId("t-1"), new TicketNumber("12345-20261116-000001"),
                new QueryCode("ABC234"), Actor.agent("a", "甲"), T0)).ticket();
        t = step(t, new Command.Classify(SEED.categories().find("010201").orElseThrow(), null, null, null), Actor.agent("a", "甲"), T0);
        return step(t, new Command.Assign("urban", Set.of("d.dongcheng"), null), Actor.dispatcher("p", "乙"), T0);
    }

    private static Set<SlaAlarm> alarms(Ticket t) {
        return COMMITS.indexes(t, T0.plusSeconds(60)).alarms();
    }

    @Test
    void anAssistingUnitsRunningClocksAreArmedYellowAndRedUnderTheirUnitsName() {
        Ticket t = assigned();
        ClockStatus opinion = SEED.timeLimits().deadlines().compute(
                t.assistanceOf("d.dongcheng").orElseThrow().clocks().get(ClockName.OPINION));

        assertThat(alarms(t)).extracting(SlaAlarm::clock)
                .contains("SIGN", "HANDLE", "SIGN@d.dongcheng", "OPINION@d.dongcheng");
        assertThat(alarms(t)).contains(new SlaAlarm("OPINION@d.dongcheng", "RED", opinion.dueAt().toEpochMilli(),
                opinion.dueAt().toEpochMilli()));
        assertThat(alarms(t)).filteredOn(a -> a.clock().equals("OPINION@d.dongcheng")).extracting(SlaAlarm::level)
                .containsExactlyInAnyOrder("YELLOW", "RED");
    }

    @Test
    void aSignedPartNoLongerArmsItsSignClockAndTheLeadsInboxOrderIsItsOwn() {
        Ticket t = assigned();
        Ticket signed = step(t, new Command.SignAssistance(), HELPER, T0.plusSeconds(30));

        assertThat(alarms(signed)).extracting(SlaAlarm::clock).doesNotContain("SIGN@d.dongcheng").contains("OPINION@d.dongcheng");
        assertThat(COMMITS.indexes(signed, T0.plusSeconds(60)).inboxScore()).isEqualTo(COMMITS.indexes(t, T0.plusSeconds(60)).inboxScore());
        assertThat(COMMITS.indexes(t, T0).departments()).containsExactlyInAnyOrder("urban", "d.dongcheng");
    }
}
