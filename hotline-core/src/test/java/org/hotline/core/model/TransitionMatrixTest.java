package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × command × role. A command outside the status's accepted set or the role's
 * permissions is refused with the guard's code; inside, it is either accepted (one version per
 * event, every event by this actor at this time) or refused for a business reason.
 */
class TransitionMatrixTest {

    private static final Instant NOW = T0.plusSeconds(5 * 3600);
    private static final Set<String> GUARD_CODES = Set.of("ticket.forbidden-role", "ticket.illegal-transition", "ticket.terminal");

    /** Built once: the rules are pure, so a ticket can be shared by all cases of its status. */
    private static final java.util.Map<TicketStatus, Ticket> TICKETS = new java.util.EnumMap<>(TicketStatus.class);

    static Stream<Arguments> everyCombination() {
        return Stream.of(TicketStatus.values()).flatMap(status -> Stream.of(CommandKind.values())
                .flatMap(kind -> Stream.of(Role.values()).map(role -> Arguments.of(status, kind, role))));
    }

    @ParameterizedTest(name = "{0} × {1} × {2}")
    @MethodSource("everyCombination")
    void eachCombinationIsDecidedByTheTables(TicketStatus status, CommandKind kind, Role role) {
        Ticket ticket = TICKETS.computeIfAbsent(status, TicketFixtures::inStatus);
        Actor actor = actorWith(role);
        Decision decision = TicketRules.decide(ticket, sample(kind), actor, NOW, POLICY);

        if (!TicketRules.rolesFor(kind).contains(role)) {
            assertThat(decision).isEqualTo(new Decision.Refused("ticket.forbidden-role", "当前角色无权执行此操作", true));
        } else if (!TicketRules.acceptedIn(status).contains(kind)) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.code())
                    .isEqualTo(status.isOpen() ? "ticket.illegal-transition" : "ticket.terminal"));
        } else if (decision instanceof Decision.Accepted accepted) {
            assertThat(accepted.ticket().version()).isEqualTo(ticket.version() + accepted.events().size());
            assertThat(accepted.events()).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo(actor);
                assertThat(e.at()).isEqualTo(NOW);
            });
        } else {
            assertThat(((Decision.Refused) decision).code()).isNotIn(GUARD_CODES);
        }
    }

    static Command sample(CommandKind kind) {
        return switch (kind) {
            case ANSWER_DIRECTLY -> new Command.AnswerDirectly("占道经营请向城管部门反映，已告知处理流程");
            case CLASSIFY -> new Command.Classify(STALLS, null, null, "确认分类");
            case ASSIGN -> new Command.Assign(LEAD, Set.of(), null);
            case REASSIGN -> new Command.Reassign("d.dongcheng", Set.of(), "属地管理");
            case SUB_ASSIGN -> new Command.SubAssign("s.dongcheng.1", "属地处置", Set.of("d.dongcheng"));
            case WITHDRAW_SUB_ASSIGNMENT -> new Command.WithdrawSubAssignment("收回自办", Set.of());
            case SIGN -> new Command.Sign();
            case SIGN_ASSISTANCE -> new Command.SignAssistance();
            case SUBMIT_OPINION -> new Command.SubmitOpinion("配合清理");
            case RECORD_CONTACT -> new Command.RecordContact("已联系");
            case REQUEST_RETURN -> new Command.RequestReturn("非本单位职责", "东城区人民政府");
            case APPROVE_RETURN -> new Command.ApproveReturn("d.dongcheng", Set.of(), "同意退单");
            case REJECT_RETURN -> new Command.RejectReturn("属于本单位职责");
            case REQUEST_EXTENSION -> new Command.RequestExtension(TimeLimit.workingDays(5), "需协调多部门");
            case APPROVE_EXTENSION -> new Command.ApproveExtension("同意");
            case REJECT_EXTENSION -> new Command.RejectExtension("理由不充分");
            case SUSPEND -> new Command.Suspend("等待施工");
            case RESUME -> new Command.Resume("施工完成");
            case URGE -> new Command.Urge(UrgeLevel.URGE, "请尽快办理");
            case SUBMIT_REPLY -> new Command.SubmitReply("已处理", ReplyResult.RESOLVED);
            case ACCEPT_REPLY -> new Command.AcceptReply(null);
            case SEND_BACK_REPLY -> new Command.SendBackReply("答复不规范");
            case RECORD_RETURN_VISIT -> new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null);
            case REHANDLE -> new Command.Rehandle("市民不满意");
            case CLOSE -> new Command.Close(null);
            case NOT_ACCEPT -> new Command.NotAccept("属于信访事项", "信访部门");
            case MERGE_INTO -> new Command.MergeInto(new TicketId("master"), null);
            case ABSORB_DUPLICATE -> new Command.AbsorbDuplicate(new TicketId("dup"), null);
            case UNMERGE -> new Command.Unmerge("误并单");
            case RELEASE_DUPLICATE -> new Command.ReleaseDuplicate(new TicketId("dup"), "误并单");
            case RECORD_POLICE_LINKAGE -> new Command.RecordPoliceLinkage("12345-t1", PoliceLinkageStage.RESULTED, "已出警处置");
            case RECORD_MESSAGE -> new Command.RecordMessage(MessageChannel.SMS, "survey", "submitted", "m-1");
            case MIRROR_MASTER_REPLY -> new Command.MirrorMasterReply(new TicketId("master"),
                    new Reply("主单答复", ReplyResult.RESOLVED, NOW, LEAD));
            case RECORD_SLA_WARNING -> new Command.RecordSlaWarning(ClockName.HANDLE, SlaLevel.YELLOW, NOW);
            case LINK_CALL -> new Command.LinkCall("call-1");
            case ADD_TAG -> new Command.AddTag("热点");
        };
    }
}
