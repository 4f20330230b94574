package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Instant;
import java.util.Set;
import org.hotline.core.time.ClockAlarm;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;
import org.hotline.core.time.TimeLimit;
import org.junit.jupiter.api.Test;

/**
 * 主办/协办: each assisting unit signs and gives its opinion to the lead on its own clocks; the lead's
 * reply completes the handling without waiting, and ends what the assisting units still owed.
 */
class AssistanceTest {

    /** The assisting unit of {@link TicketFixtures#assigned()}. */
    private static final String HELPER = "d.dongcheng";
    private static final Actor HELPER_USER = Actor.department("dc1", HELPER, "东城区经办人");
    private static final Instant LATER = T0.plusSeconds(2 * 3600);

    private static Decision decide(Ticket t, Command c, Actor a, Instant at) {
        return TicketRules.decide(t, c, a, at, POLICY);
    }

    private static Decision.Refused refused(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return (Decision.Refused) d;
    }

    private static Assistance part(Ticket t) {
        return t.assistanceOf(HELPER).orElseThrow();
    }

    private static Instant due(Ticket t, ClockName clock) {
        return POLICY.deadlines().compute(part(t).clocks().get(clock)).dueAt();
    }

    private static Ticket signedByHelper() {
        return apply(assigned(), new Command.SignAssistance(), HELPER_USER, LATER);
    }

    @Test
    void assigningGivesEachAssistingUnitItsOwnSignClockAndAnOpinionClockOfHalfTheHandlingLimit() {
        Ticket t = assigned();

        Assistance part = part(t);
        TimeLimit handle = t.clocks().get(ClockName.HANDLE).limit();
        assertThat(part.clocks().get(ClockName.SIGN).limit()).isEqualTo(t.clocks().get(ClockName.SIGN).limit());
        assertThat(part.clocks().get(ClockName.OPINION).limit())
                .isEqualTo(new TimeLimit((handle.amount() + 1) / 2, handle.unit()));
        assertThat(part.clocks().values()).allMatch(ClockTrack::isRunning);
        assertThat(part.signed()).isFalse();
        assertThat(t.assistance()).containsOnlyKeys(HELPER);
    }

    @Test
    void theOpinionLimitIsHalfTheHandlingLimitRoundedUpInTheSameUnit() {
        assertThat(AssistanceLimits.half(TimeLimit.workingDays(5))).isEqualTo(TimeLimit.workingDays(3));
        assertThat(AssistanceLimits.half(TimeLimit.workingDays(15))).isEqualTo(TimeLimit.workingDays(8));
        assertThat(AssistanceLimits.half(TimeLimit.hours(2))).isEqualTo(TimeLimit.hours(1));
        assertThat(AssistanceLimits.half(TimeLimit.minutes(1))).isEqualTo(TimeLimit.minutes(1));
    }

    @Test
    void theAssistingUnitSignsForItsPartWithoutChangingTheLeadsStatusOrClocks() {
        Ticket before = assigned();
        Instant signDue = due(before, ClockName.SIGN);

        Decision.Accepted accepted = (Decision.Accepted) decide(before, new Command.SignAssistance(), HELPER_USER, LATER);

        assertThat(accepted.events()).containsExactly(new TicketEvent.AssistanceSigned(HELPER_USER, LATER, null, HELPER, signDue));
        Ticket after = accepted.ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(after.clocks()).isEqualTo(before.clocks());
        assertThat(part(after).signedAt()).isEqualTo(LATER);
        assertThat(part(after).clocks().get(ClockName.SIGN).stoppedAt()).isEqualTo(LATER);
        assertThat(part(after).clocks().get(ClockName.OPINION).isRunning()).isTrue();
    }

    @Test
    void theAssistingUnitGivesItsOpinionAfterSigningAndItsOpinionClockStops() {
        Ticket signed = signedByHelper();
        Instant opinionDue = due(signed, ClockName.OPINION);
        Instant at = LATER.plusSeconds(600);

        Decision.Accepted accepted = (Decision.Accepted) decide(signed, new Command.SubmitOpinion("人民路属东城区，已安排街道配合清理"),
                HELPER_USER, at);

        assertThat(accepted.events()).containsExactly(new TicketEvent.AssistanceOpinionGiven(HELPER_USER, at, null, HELPER,
                "人民路属东城区，已安排街道配合清理", opinionDue));
        Assistance part = part(accepted.ticket());
        assertThat(part.opinion()).isEqualTo("人民路属东城区，已安排街道配合清理");
        assertThat(part.answeredAt()).isEqualTo(at);
        assertThat(part.clocks().values()).allMatch(ClockTrack::isStopped);
        assertThat(part.open()).isFalse();
    }

    @Test
    void anOpinionBeforeSigningIsRefusedInChinese() {
        Decision.Refused r = refused(decide(assigned(), new Command.SubmitOpinion("意见"), HELPER_USER, LATER));

        assertThat(r.code()).isEqualTo("ticket.assistance-not-signed");
        assertThat(r.message()).isEqualTo("请先签收协办工单，再提交协办意见");
    }

    @Test
    void signingTwiceAndAnsweringTwiceAreRefused() {
        Ticket signed = signedByHelper();
        assertThat(refused(decide(signed, new Command.SignAssistance(), HELPER_USER, LATER)).code())
                .isEqualTo("ticket.assistance-signed");

        Ticket answered = apply(signed, new Command.SubmitOpinion("配合处理"), HELPER_USER, LATER);
        assertThat(refused(decide(answered, new Command.SubmitOpinion("再补充"), HELPER_USER, LATER)).code())
                .isEqualTo("ticket.opinion-given");
    }

    @Test
    void onlyAnAssistingUnitSignsOrAnswersForAnAssistingPart() {
        Ticket t = assigned();
        for (Actor notAssisting : new Actor[] {LEAD_USER, OTHER_DEPT}) {
            Decision.Refused r = refused(decide(t, new Command.SignAssistance(), notAssisting, LATER));
            assertThat(r).isEqualTo(new Decision.Refused("ticket.not-assisting", "只有协办单位可以执行此操作", true));
        }
        for (Actor centre : new Actor[] {AGENT, DISPATCHER, SUPERVISOR, SYSTEM}) {
            assertThat(refused(decide(t, new Command.SignAssistance(), centre, LATER)).code()).isEqualTo("ticket.forbidden-role");
        }
    }

    @Test
    void anAssistingUnitCannotDoTheLeadsWork() {
        Ticket t = signedByHelper();
        assertThat(refused(decide(t, new Command.Sign(), HELPER_USER, LATER)).code()).isEqualTo("ticket.not-assignee");
        t = apply(t, new Command.Sign(), LEAD_USER, LATER);
        for (Command leadsWork : new Command[] {new Command.RecordContact("已联系"), new Command.SubmitReply("已处理", ReplyResult.RESOLVED),
            new Command.RequestReturn("非本单位职责", "城管局")}) {
            assertThat(refused(decide(t, leadsWork, HELPER_USER, LATER)).code()).isEqualTo("ticket.not-assignee");
        }
    }

    @Test
    void theLeadMayReplyBeforeTheAssistingUnitAnsweredAndThatEndsItsPartAndStopsItsClocks() {
        Ticket signed = apply(signedByHelper(), new Command.Sign(), LEAD_USER, LATER.plusSeconds(60));
        Instant replyAt = LATER.plusSeconds(3600);

        Ticket replied = apply(signed, new Command.SubmitReply("已清理占道摊贩", ReplyResult.RESOLVED), LEAD_USER, replyAt);

        assertThat(replied.status()).isEqualTo(TicketStatus.REPLIED);
        Assistance part = part(replied);
        assertThat(part.endedAt()).isEqualTo(replyAt);
        assertThat(part.opinion()).isNull();
        assertThat(part.clocks().get(ClockName.OPINION).stoppedAt()).isEqualTo(replyAt);
        assertThat(refused(decide(replied, new Command.SubmitOpinion("迟到的意见"), HELPER_USER, replyAt)).code())
                .isEqualTo("ticket.illegal-transition");
    }

    @Test
    void aReplySentBackDoesNotReopenAnEndedPart() {
        Ticket replied = apply(apply(signedByHelper(), new Command.Sign(), LEAD_USER, LATER),
                new Command.SubmitReply("已清理", ReplyResult.RESOLVED), LEAD_USER, LATER.plusSeconds(60));
        Ticket sentBack = apply(replied, new Command.SendBackReply("答复不规范"), DISPATCHER, LATER.plusSeconds(120));

        Decision.Refused r = refused(decide(sentBack, new Command.SubmitOpinion("补充意见"), HELPER_USER, LATER.plusSeconds(180)));

        assertThat(r.code()).isEqualTo("ticket.assistance-ended");
        assertThat(r.message()).isEqualTo("主办单位已答复，协办已结束");
    }

    @Test
    void anAnsweredPartIsNotMarkedEndedByTheLeadsReply() {
        Ticket answered = apply(apply(signedByHelper(), new Command.SubmitOpinion("配合处理"), HELPER_USER, LATER),
                new Command.Sign(), LEAD_USER, LATER);

        Ticket replied = apply(answered, new Command.SubmitReply("已处理", ReplyResult.RESOLVED), LEAD_USER, LATER.plusSeconds(60));

        assertThat(part(replied).endedAt()).isNull();
        assertThat(part(replied).opinion()).isEqualTo("配合处理");
    }

    @Test
    void suspendingPausesTheAssistingUnitsClocksAndResumingResumesThem() {
        Ticket leadSigned = apply(signedByHelper(), new Command.Sign(), LEAD_USER, LATER);
        Ticket suspended = apply(leadSigned, new Command.Suspend("待施工完成"), SUPERVISOR, LATER.plusSeconds(60));
        assertThat(part(suspended).clocks().get(ClockName.OPINION).isPaused()).isTrue();

        Ticket resumed = apply(suspended, new Command.Resume("施工完成"), SUPERVISOR, LATER.plusSeconds(120));
        assertThat(part(resumed).clocks().get(ClockName.OPINION).isRunning()).isTrue();
    }

    @Test
    void aReassignmentGivesTheNewAssistingUnitsFreshPartsAndAReturnToTheQueueClearsThem() {
        Ticket reassigned = apply(signedByHelper(), new Command.Reassign(LEAD, Set.of("environment"), "增加环保局协办"),
                DISPATCHER, LATER.plusSeconds(60));
        assertThat(reassigned.assistance()).containsOnlyKeys("environment");
        assertThat(reassigned.assistanceOf("environment").orElseThrow().clocks().get(ClockName.SIGN).startedAt())
                .isEqualTo(LATER.plusSeconds(60));

        Ticket returned = apply(apply(assigned(), new Command.RequestReturn("非本单位职责", "环保局"), LEAD_USER, LATER),
                new Command.ApproveReturn(null, Set.of(), "同意"), DISPATCHER, LATER.plusSeconds(60));
        assertThat(returned.assistance()).isEmpty();
    }

    @Test
    void anAssistingUnitsAlarmIsRecordedForItWithoutUrgingTheLeadAndOnlyOnce() {
        Ticket t = assigned();
        Instant due = due(t, ClockName.SIGN);
        Command red = new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due, HELPER);

        Decision.Accepted accepted = (Decision.Accepted) decide(t, red, SYSTEM, due);

        assertThat(accepted.events()).containsExactly(new TicketEvent.AssistanceAlarmRecorded(SYSTEM, due, "协办单位签收时限已超期",
                HELPER, ClockName.SIGN, SlaLevel.RED, due));
        Ticket after = accepted.ticket();
        assertThat(after.urgeCount()).isZero();
        assertThat(after.clocks()).isEqualTo(t.clocks());
        assertThat(part(after).clocks().get(ClockName.SIGN).alarms()).containsExactly(new ClockAlarm(true, due));
        assertThat(refused(decide(after, red, SYSTEM, due.plusSeconds(5))).code()).isEqualTo("ticket.sla-already-recorded");
    }

    @Test
    void anAssistingUnitsAlarmAfterItSignedOrForAnUnknownUnitIsStale() {
        Ticket t = assigned();
        Instant due = due(t, ClockName.SIGN);
        Ticket signed = apply(t, new Command.SignAssistance(), HELPER_USER, LATER);

        assertThat(refused(decide(signed, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.YELLOW, due, HELPER), SYSTEM, LATER))
                .code()).isEqualTo("ticket.sla-stale");
        assertThat(refused(decide(t, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.YELLOW, due, "housing"), SYSTEM, LATER))
                .code()).isEqualTo("ticket.sla-stale");
    }

    @Test
    void aTicketAssignedBeforePartsWereKeptStillLetsItsAssistingUnitSignWithoutClocks() {
        Ticket legacy = assigned().toBuilder().assistance(java.util.Map.of()).build();

        Ticket signed = apply(legacy, new Command.SignAssistance(), HELPER_USER, LATER);

        assertThat(part(signed).signedAt()).isEqualTo(LATER);
        assertThat(part(signed).clocks()).isEmpty();
    }

    @Test
    void theAssistingUnitIsOfferedSignThenOpinionAndTheLeadNeither() {
        Ticket t = assigned();
        assertThat(AllowedCommands.of(t, HELPER_USER, Set.of())).containsExactly(CommandKind.SIGN_ASSISTANCE);
        assertThat(AllowedCommands.of(signedByHelper(), HELPER_USER, Set.of())).containsExactly(CommandKind.SUBMIT_OPINION);
        assertThat(AllowedCommands.of(t, LEAD_USER, Set.of()))
                .doesNotContain(CommandKind.SIGN_ASSISTANCE, CommandKind.SUBMIT_OPINION).contains(CommandKind.SIGN);
        Ticket answered = apply(signedByHelper(), new Command.SubmitOpinion("配合处理"), HELPER_USER, LATER);
        assertThat(AllowedCommands.of(answered, HELPER_USER, Set.of())).isEmpty();
    }
}
