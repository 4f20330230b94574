package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a page may offer is what the rules accept: an unoffered command is refused, whatever it says. */
class AllowedCommandsTest {

    private static final Instant NOW = T0.plusSeconds(5 * 3600);
    private static final Map<TicketStatus, Ticket> TICKETS = new EnumMap<>(TicketStatus.class);

    static Stream<Arguments> everyStatusAndRole() {
        return Stream.of(TicketStatus.values()).flatMap(status -> Stream.of(Role.values()).map(role -> Arguments.of(status, role)));
    }

    private static Set<CommandKind> allowed(Ticket ticket, Actor actor) {
        Set<String> below = actor.departmentId() == null ? Set.of() : SEED.departments().descendantsOf(actor.departmentId());
        return AllowedCommands.of(ticket, actor, below);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStatusAndRole")
    void aCommandThatIsNotOfferedIsRefusedByTheRules(TicketStatus status, Role role) {
        Ticket ticket = TICKETS.computeIfAbsent(status, TicketFixtures::inStatus);
        Actor actor = actorWith(role);
        Set<CommandKind> offered = allowed(ticket, actor);
        for (CommandKind kind : CommandKind.values()) {
            if (!offered.contains(kind)) {
                assertThat(TicketRules.decide(ticket, TransitionMatrixTest.sample(kind), actor, NOW, POLICY))
                        .as("%s not offered to %s in %s", kind, role, status).isInstanceOf(Decision.Refused.class);
            }
        }
    }

    @Test
    void aClosedTicketOffersNothingButLinkingACallAndRecordingA110Result() {
        Ticket closed = inStatus(TicketStatus.CLOSED);
        for (Role role : Role.values()) {
            assertThat(allowed(closed, actorWith(role))).isSubsetOf(Set.of(CommandKind.LINK_CALL, CommandKind.RECORD_POLICE_LINKAGE, CommandKind.RECORD_MESSAGE));
        }
        // the police result may come after the ticket closed; only the system records it
        assertThat(allowed(closed, actorWith(Role.SUPERVISOR))).doesNotContain(CommandKind.RECORD_POLICE_LINKAGE);
    }

    @Test
    void aDissatisfiedReturnVisitOffersRehandlingToTheCenterAndNotToTheAgent() {
        Ticket revisited = inStatus(TicketStatus.REVISITED);
        assertThat(allowed(revisited, SUPERVISOR)).contains(CommandKind.REHANDLE, CommandKind.CLOSE);
        assertThat(allowed(revisited, DISPATCHER)).contains(CommandKind.REHANDLE, CommandKind.CLOSE);
        assertThat(allowed(revisited, AGENT)).contains(CommandKind.CLOSE).doesNotContain(CommandKind.REHANDLE);
    }

    @Test
    void aSatisfiedReturnVisitOffersClosingOnly() {
        Ticket satisfied = apply(inStatus(TicketStatus.REVIEWED),
                new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, "满意"), AGENT, NOW);
        assertThat(allowed(satisfied, SUPERVISOR)).contains(CommandKind.CLOSE).doesNotContain(CommandKind.REHANDLE);
    }

    @Test
    void aReviewedTicketOffersTheAgentTheReturnVisitAndNotClosingWhileTheCallerCanBeReached() {
        Set<CommandKind> agent = allowed(inStatus(TicketStatus.REVIEWED), AGENT);
        assertThat(agent).contains(CommandKind.RECORD_RETURN_VISIT).doesNotContain(CommandKind.CLOSE);
    }

    @Test
    void anAssignedTicketOffersTheLeadUnitSigningAndAnotherUnitNothing() {
        Ticket assigned = assigned();
        assertThat(allowed(assigned, LEAD_USER)).contains(CommandKind.SIGN, CommandKind.REQUEST_RETURN)
                .doesNotContain(CommandKind.SUBMIT_REPLY, CommandKind.RECORD_CONTACT);
        assertThat(allowed(assigned, OTHER_DEPT)).isEmpty();
    }

    @Test
    void extensionDecisionsAreOfferedOnlyWhileARequestIsPending() {
        Ticket handling = inProgress();
        assertThat(allowed(handling, DISPATCHER)).doesNotContain(CommandKind.APPROVE_EXTENSION, CommandKind.REJECT_EXTENSION);
        assertThat(allowed(handling, LEAD_USER)).contains(CommandKind.REQUEST_EXTENSION);
        Ticket pending = apply(handling, new Command.RequestExtension(org.hotline.core.time.TimeLimit.workingDays(2), "需协调"),
                LEAD_USER, T0.plusSeconds(3 * 3600));
        assertThat(allowed(pending, DISPATCHER)).contains(CommandKind.APPROVE_EXTENSION, CommandKind.REJECT_EXTENSION);
        assertThat(allowed(pending, LEAD_USER)).doesNotContain(CommandKind.REQUEST_EXTENSION);
    }

    @Test
    void onlyTheCenterLiftsASuspension() {
        Ticket suspended = inStatus(TicketStatus.SUSPENDED);
        assertThat(allowed(suspended, LEAD_USER)).doesNotContain(CommandKind.RESUME);
        assertThat(allowed(suspended, DISPATCHER)).contains(CommandKind.RESUME);
        assertThat(TicketRules.decide(suspended, new Command.Resume("施工完成"), LEAD_USER, NOW, POLICY))
                .isEqualTo(new Decision.Refused("ticket.forbidden-role", "当前角色无权执行此操作", true));
    }

    @Test
    void aVisitedTicketOffersTheReVisitToAgentsAndSupervisorsOnly() {
        Ticket revisited = inStatus(TicketStatus.REVISITED);
        assertThat(allowed(revisited, AGENT)).contains(CommandKind.RECORD_RETURN_VISIT);
        assertThat(allowed(revisited, SUPERVISOR)).contains(CommandKind.RECORD_RETURN_VISIT);
        assertThat(allowed(revisited, CITIZEN)).doesNotContain(CommandKind.RECORD_RETURN_VISIT);
        assertThat(allowed(revisited, SYSTEM)).doesNotContain(CommandKind.RECORD_RETURN_VISIT);
    }
}
