package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A department hands a ticket it leads to one of its own sub-units, and only to those. */
class SubAssignmentTest {

    private static final String DISTRICT = "d.dongcheng";
    private static final String STREET = "s.dongcheng.1";
    private static final Actor DISTRICT_USER = Actor.department("dc1", DISTRICT, "东城区经办人");
    private static final Actor STREET_USER = Actor.department("rm1", STREET, "人民路街道经办人");
    private static final Instant LATER = T0.plusSeconds(2 * 3600);

    private static Ticket assignedToDistrict() {
        return apply(classified(), new Command.Assign(DISTRICT, Set.of(), null), DISPATCHER, T0.plusSeconds(60));
    }

    private static Command.SubAssign to(String unit) {
        return new Command.SubAssign(unit, "属地处置", Set.copyOf(SEED.departments().ancestorsOf(unit)));
    }

    @Test
    void theLeadHandsTheTicketToItsOwnStreetWhichBecomesTheLeadWithTheSameDeadlines() {
        Ticket before = assignedToDistrict();

        Decision decision = TicketRules.decide(before, to(STREET), DISTRICT_USER, LATER, POLICY);

        Decision.Accepted accepted = (Decision.Accepted) decision;
        assertThat(accepted.ticket().leadDepartment()).isEqualTo(STREET);
        assertThat(accepted.ticket().status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(accepted.ticket().clocks()).isEqualTo(before.clocks());
        assertThat(accepted.events()).containsExactly(
            new TicketEvent.TicketSubAssigned(DISTRICT_USER, LATER, "属地处置", DISTRICT, STREET));
    }

    @Test
    void theSubUnitThenSignsAndAStreetPassesItOnToItsCommunity() {
        Ticket atStreet = apply(assignedToDistrict(), to(STREET), DISTRICT_USER, LATER);

        Ticket signed = apply(atStreet, new Command.Sign(), STREET_USER, LATER.plusSeconds(60));
        Ticket atCommunity = apply(signed, to("c.dongcheng.1.1"), STREET_USER, LATER.plusSeconds(120));

        assertThat(signed.status()).isEqualTo(TicketStatus.SIGNED);
        assertThat(atCommunity.leadDepartment()).isEqualTo("c.dongcheng.1.1");
        assertThat(atCommunity.status()).isEqualTo(TicketStatus.SIGNED);
    }

    @Test
    void subAssignmentToAUnitThatIsNotItsOwnChildIsRefusedInChinese() {
        Ticket ticket = assignedToDistrict();

        for (String stranger : new String[] {"s.xihu.1", "housing", DISTRICT}) {
            Decision decision = TicketRules.decide(ticket, to(stranger), DISTRICT_USER, LATER, POLICY);

            assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
                assertThat(refused.code()).isEqualTo("ticket.not-own-sub-unit");
                assertThat(refused.message()).contains("只能转派给本单位的下级单位").contains(stranger);
            });
        }
    }

    @Test
    void aCommandWhoseAncestorsWereNotResolvedIsRefused() {
        Decision decision = TicketRules.decide(assignedToDistrict(), new Command.SubAssign(STREET, null), DISTRICT_USER, LATER, POLICY);

        assertThat(((Decision.Refused) decision).code()).isEqualTo("ticket.not-own-sub-unit");
    }

    @Test
    void onlyTheLeadUnitSubAssignsAndTheCenterDoesNot() {
        Ticket ticket = assignedToDistrict();

        Decision byOther = TicketRules.decide(ticket, to(STREET), OTHER_DEPT, LATER, POLICY);
        Decision byDispatcher = TicketRules.decide(ticket, to(STREET), DISPATCHER, LATER, POLICY);

        assertThat(((Decision.Refused) byOther).code()).isEqualTo("ticket.not-assignee");
        assertThat(((Decision.Refused) byDispatcher).code()).isEqualTo("ticket.forbidden-role");
    }

    @Test
    void directoryListsTheUnitsAboveAUnitNearestFirst() {
        assertThat(SEED.departments().ancestorsOf("c.dongcheng.1.1")).containsExactly(STREET, DISTRICT);
        assertThat(SEED.departments().ancestorsOf(DISTRICT)).isEmpty();
        assertThat(SEED.departments().ancestorsOf("no-such-unit")).isEmpty();
    }
}
