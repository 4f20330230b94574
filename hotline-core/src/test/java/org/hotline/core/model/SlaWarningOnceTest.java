package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import org.hotline.core.time.ClockAlarm;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;
import org.junit.jupiter.api.Test;

/** A redelivered SLA alarm (scheduler killed after the ticket commit) is refused, not recorded twice. */
class SlaWarningOnceTest {

    private static Instant due(Ticket t) {
        return POLICY.deadlines().compute(t.clocks().get(ClockName.HANDLE)).dueAt();
    }

    private static Decision warn(Ticket t, SlaLevel level, Instant due, Instant at) {
        return TicketRules.decide(t, new Command.RecordSlaWarning(ClockName.HANDLE, level, due), SYSTEM, at, POLICY);
    }

    private static Ticket accepted(Decision d) {
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted) d).ticket();
    }

    private static String refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).code();
    }

    @Test
    void theSameWarningTwiceIsRefusedTheSecondTimeAndTheOverdueCardToo() {
        Ticket t = inProgress();
        Instant due = due(t);
        Ticket yellow = accepted(warn(t, SlaLevel.YELLOW, due, T0.plusSeconds(5000)));
        assertThat(yellow.clocks().get(ClockName.HANDLE).alarms()).containsExactly(new ClockAlarm(false, due));
        assertThat(refusal(warn(yellow, SlaLevel.YELLOW, due, T0.plusSeconds(5001)))).isEqualTo("ticket.sla-already-recorded");

        // the red card of the same deadline is another alarm, recorded once as well
        Ticket red = accepted(warn(yellow, SlaLevel.RED, Instant.ofEpochMilli(due.toEpochMilli()), due));
        assertThat(red.clocks().get(ClockName.HANDLE).alarms()).containsExactly(new ClockAlarm(false, due), new ClockAlarm(true, due));
        assertThat(refusal(warn(red, SlaLevel.RED, due, due.plusSeconds(60)))).isEqualTo("ticket.sla-already-recorded");
    }

    @Test
    void anExtendedDeadlineWarnsAgainAndForgetsTheOldOne() {
        Ticket t = inProgress();
        Instant oldDue = due(t);
        Ticket warned = accepted(warn(t, SlaLevel.YELLOW, oldDue, T0.plusSeconds(5000)));
        Ticket requested = apply(warned, new Command.RequestExtension(TimeLimit.workingDays(3), "需协调"), LEAD_USER, T0.plusSeconds(9000));
        Ticket extended = apply(requested, new Command.ApproveExtension("同意"), SUPERVISOR, T0.plusSeconds(9600));
        Instant newDue = due(extended);
        assertThat(newDue).isAfter(oldDue);

        Ticket warnedAgain = accepted(warn(extended, SlaLevel.YELLOW, newDue, T0.plusSeconds(9700)));
        assertThat(warnedAgain.clocks().get(ClockName.HANDLE).alarms()).containsExactly(new ClockAlarm(false, newDue));
        assertThat(refusal(warn(extended, SlaLevel.YELLOW, oldDue, T0.plusSeconds(9700)))).isEqualTo("ticket.sla-stale");
    }

    @Test
    void pausingAndResumingKeepsTheRecordedAlarmsOfTheClock() {
        Ticket warned = accepted(warn(inProgress(), SlaLevel.YELLOW, due(inProgress()), T0.plusSeconds(5000)));
        Ticket suspended = apply(warned, new Command.Suspend("等待检测"), SUPERVISOR, T0.plusSeconds(6000));
        assertThat(suspended.clocks().get(ClockName.HANDLE).alarms()).hasSize(1);
    }

    @Test
    void theOverdueCardAndTheLaddersNextUrgeAreOneCommitSoARedeliveryNeitherSkipsNorRepeatsIt() {
        Ticket t = inProgress();
        Instant due = due(t);
        Decision red = warn(t, SlaLevel.RED, due, due);
        assertThat(((Decision.Accepted) red).events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SlaOverdueRecorded", "TicketUrged");
        Ticket urged = accepted(red);
        assertThat(urged.urgeCount()).isEqualTo(1);
        assertThat(urged.urgeLevel()).isEqualTo(UrgeLevel.URGE);
        assertThat(urged.version()).isEqualTo(t.version() + 2);
        assertThat(refusal(warn(urged, SlaLevel.RED, due, due.plusSeconds(30)))).isEqualTo("ticket.sla-already-recorded");
        assertThat(SupervisionRules.automaticUrge(1)).isEqualTo(UrgeLevel.SUPERVISE);
        assertThat(SupervisionRules.automaticUrge(5)).isEqualTo(UrgeLevel.NOTIFY);
    }
}
