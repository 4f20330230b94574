package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A parent unit takes back what it handed down; nobody else can, and only while a unit below it leads. */
class SubAssignmentWithdrawalTest {

    private static final String DISTRICT = "d.dongcheng";
    private static final String STREET = "s.dongcheng.1";
    private static final String COMMUNITY = "c.dongcheng.1.1";
    private static final Actor DISTRICT_USER = Actor.department("dc1", DISTRICT, "东城区经办人");
    private static final Actor STREET_USER = Actor.department("rm1", STREET, "人民路街道经办人");
    private static final Actor XIHU_USER = Actor.department("xh1", "d.xihu", "西湖区经办人");
    private static final Instant LATER = T0.plusSeconds(2 * 3600);

    private static Ticket atStreet() {
        Ticket assigned = apply(classified(), new Command.Assign(DISTRICT, Set.of(), null), DISPATCHER, T0.plusSeconds(60));
        return apply(assigned, new Command.SubAssign(STREET, "属地处置", Set.of(DISTRICT)), DISTRICT_USER, LATER);
    }

    private static Command.WithdrawSubAssignment by(Actor actor) {
        return new Command.WithdrawSubAssignment("区里直接办理", SEED.departments().descendantsOf(actor.departmentId()));
    }

    @Test
    void theParentLeadsAgainWithTheSameStatusAndDeadlines() {
        Ticket before = apply(atStreet(), new Command.Sign(), STREET_USER, LATER.plusSeconds(60));

        Decision decision = TicketRules.decide(before, by(DISTRICT_USER), DISTRICT_USER, LATER.plusSeconds(120), POLICY);

        Decision.Accepted accepted = (Decision.Accepted) decision;
        assertThat(accepted.ticket().leadDepartment()).isEqualTo(DISTRICT);
        assertThat(accepted.ticket().status()).isEqualTo(TicketStatus.SIGNED);
        assertThat(accepted.ticket().clocks()).isEqualTo(before.clocks());
        assertThat(accepted.events()).containsExactly(
            new TicketEvent.SubAssignmentWithdrawn(DISTRICT_USER, LATER.plusSeconds(120), "区里直接办理", STREET, DISTRICT));
    }

    @Test
    void aUnitTwoLevelsUpTakesBackFromTheCommunityAndTheStreetFromItsOwnCommunity() {
        Ticket atCommunity = apply(atStreet(), new Command.SubAssign(COMMUNITY, null, Set.of(STREET, DISTRICT)), STREET_USER, LATER);

        Ticket street = apply(atCommunity, by(STREET_USER), STREET_USER, LATER.plusSeconds(60));
        Ticket district = apply(atCommunity, by(DISTRICT_USER), DISTRICT_USER, LATER.plusSeconds(60));

        assertThat(street.leadDepartment()).isEqualTo(STREET);
        assertThat(district.leadDepartment()).isEqualTo(DISTRICT);
    }

    @Test
    void strangersTheSubUnitItselfAndTheCenterCannotTakeItBack() {
        Ticket ticket = atStreet();

        Decision byStranger = TicketRules.decide(ticket, by(XIHU_USER), XIHU_USER, LATER, POLICY);
        Decision byItself = TicketRules.decide(ticket, by(STREET_USER), STREET_USER, LATER, POLICY);
        Decision unresolved = TicketRules.decide(ticket, new Command.WithdrawSubAssignment(null), DISTRICT_USER, LATER, POLICY);
        Decision byDispatcher = TicketRules.decide(ticket, by(DISTRICT_USER), DISPATCHER, LATER, POLICY);

        assertThat(((Decision.Refused) byStranger).code()).isEqualTo("ticket.not-sub-assigned");
        assertThat(((Decision.Refused) byStranger).message()).contains("无需收回");
        assertThat(((Decision.Refused) byItself).code()).isEqualTo("ticket.not-sub-assigned");
        assertThat(((Decision.Refused) unresolved).code()).isEqualTo("ticket.not-sub-assigned");
        assertThat(((Decision.Refused) byDispatcher).code()).isEqualTo("ticket.forbidden-role");
    }

    @Test
    void aTicketNoLongerBeingHandledCannotBeTakenBack() {
        Ticket contacted = apply(apply(atStreet(), new Command.Sign(), STREET_USER, LATER),
            new Command.RecordContact("已电话联系市民"), STREET_USER, LATER.plusSeconds(30));
        Ticket replied = apply(contacted, new Command.SubmitReply("已修复路面", ReplyResult.RESOLVED), STREET_USER, LATER.plusSeconds(60));

        Decision decision = TicketRules.decide(replied, by(DISTRICT_USER), DISTRICT_USER, LATER.plusSeconds(120), POLICY);

        assertThat(((Decision.Refused) decision).code()).isEqualTo("ticket.illegal-transition");
    }
}
