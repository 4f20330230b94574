package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.model.TicketFixtures.AGENT;
import static org.hotline.core.model.TicketFixtures.POLICY;
import static org.hotline.core.model.TicketFixtures.SUPERVISOR;
import static org.hotline.core.model.TicketFixtures.T0;
import static org.hotline.core.model.TicketFixtures.appeal;
import static org.hotline.core.model.TicketFixtures.caller;

import org.junit.jupiter.api.Test;

/** The agent's decision at filing: the ticket is born answered or merged, in one decision. */
class IntakeAtFilingTest {

    private static final TicketId ID = new TicketId("t9");
    private static final TicketId MASTER = new TicketId("t1");

    private static Decision file(Command intake, Actor actor) {
        return TicketRules.receive(appeal(caller(), Urgency.NORMAL), ID, new TicketNumber("12345-20261116-000009"),
                new QueryCode("ABC239"), actor, T0, POLICY, intake);
    }

    @Test
    void aDirectAnswerAtFilingCreatesTheTicketClosedWithReceiptAnswerAndClosureInOrder() {
        Decision.Accepted d = (Decision.Accepted) file(new Command.AnswerDirectly("居住证请到派出所办理"), AGENT);
        assertThat(d.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(d.ticket().reply().text()).isEqualTo("居住证请到派出所办理");
        assertThat(d.ticket().version()).isEqualTo(3);
        assertThat(d.events()).extracting(TicketEvent::type)
                .containsExactly("TicketReceived", "TicketAnsweredDirectly", "TicketClosed");
    }

    @Test
    void aMergeAtFilingCreatesTheTicketMergedIntoTheMaster() {
        Decision.Accepted d = (Decision.Accepted) file(new Command.MergeInto(MASTER, "同一来电人重复反映"), SUPERVISOR);
        assertThat(d.ticket().status()).isEqualTo(TicketStatus.MERGED);
        assertThat(d.ticket().masterTicketId()).isEqualTo(MASTER);
        assertThat(d.ticket().version()).isEqualTo(2);
        assertThat(d.events()).extracting(TicketEvent::type).containsExactly("TicketReceived", "TicketMerged");
    }

    @Test
    void anAgentMayNotMergeAtFilingAsHeMayNotMergeLater() {
        Decision d = file(new Command.MergeInto(MASTER, null), AGENT);
        assertThat(d).isInstanceOfSatisfying(Decision.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("ticket.forbidden-role");
            assertThat(r.forbidden()).isTrue();
        });
    }

    @Test
    void mergingANewTicketIntoItselfIsRefused() {
        Decision d = TicketRules.receive(appeal(caller(), Urgency.NORMAL), MASTER, new TicketNumber("12345-20261116-000001"),
                new QueryCode("ABC234"), SUPERVISOR, T0, POLICY, new Command.MergeInto(MASTER, null));
        assertThat(d).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.code()).isEqualTo("ticket.merge-self"));
    }

    @Test
    void withoutADecisionTheTicketIsBornReceivedAsBefore() {
        Decision.Accepted d = (Decision.Accepted) file(null, AGENT);
        assertThat(d.ticket().status()).isEqualTo(TicketStatus.RECEIVED);
        assertThat(d.events()).extracting(TicketEvent::type).containsExactly("TicketReceived");
    }

    @Test
    void onlyAnswerAndMergeAreDecisionsAtFiling() {
        assertThatThrownBy(() -> file(new Command.Classify(TicketFixtures.STALLS, null, null, null), AGENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
