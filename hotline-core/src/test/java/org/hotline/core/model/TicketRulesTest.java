package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.model.TicketFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;
import org.junit.jupiter.api.Test;

class TicketRulesTest {

    private static Decision decide(Ticket t, Command c, Actor a, Instant at) {
        return TicketRules.decide(t, c, a, at, POLICY);
    }

    private static String refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).code();
    }

    private static Instant due(Ticket t, ClockName clock) {
        return POLICY.deadlines().compute(t.clocks().get(clock)).dueAt();
    }

    @Test
    void theMainPathRunsFromReceiveToCloseWithOneVersionPerEvent() {
        Ticket closed = inStatus(TicketStatus.CLOSED);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        // received, classified, assigned, signed, contacted, replied, accepted, visited, closed
        assertThat(closed.version()).isEqualTo(9);
        assertThat(closed.clocks().values()).allSatisfy(track -> assertThat(track.isStopped()).isTrue());
        assertThat(closed.closedAt()).isNotNull();
    }

    @Test
    void assignmentStartsTheSeedClocksForAnOrdinaryComplaint() {
        Ticket t = assigned();
        assertThat(t.clocks()).containsOnlyKeys(ClockName.SIGN, ClockName.CONTACT, ClockName.HANDLE, ClockName.RETURN_WINDOW);
        // Monday 09:01 + 5 working days = next Monday 09:01
        assertThat(due(t, ClockName.HANDLE)).isEqualTo(Instant.parse("2026-11-23T01:01:00Z"));
        assertThat(t.departments()).containsExactly("d.dongcheng", LEAD);
    }

    @Test
    void answeringDirectlyClosesAtOnceWithTheAnswerAsReply() {
        Decision d = decide(received(), new Command.AnswerDirectly("办理居住证请携带身份证到派出所"), AGENT, T0);
        Ticket t = ((Decision.Accepted) d).ticket();
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(t.reply().text()).contains("居住证");
        assertThat(((Decision.Accepted) d).events()).extracting(TicketEvent::type)
                .containsExactly("TicketAnsweredDirectly", "TicketClosed");
    }

    @Test
    void assignIsRefusedBeforeClassification() {
        assertThat(TicketRules.acceptedIn(TicketStatus.RECEIVED)).doesNotContain(CommandKind.ASSIGN);
        assertThat(refusal(decide(received(), new Command.Assign(LEAD, Set.of(), null), DISPATCHER, T0)))
                .isEqualTo("ticket.illegal-transition");
    }

    @Test
    void aDepartmentThatIsNotTheLeadCannotSign() {
        Decision d = decide(assigned(), new Command.Sign(), OTHER_DEPT, T0.plusSeconds(600));
        assertThat(d).isEqualTo(new Decision.Refused("ticket.not-assignee", "只有主办单位可以执行此操作", true));
    }

    @Test
    void signIsRefusedAfterTheTicketWasReturned() {
        Ticket returned = inStatus(TicketStatus.RETURN_REQUESTED);
        assertThat(refusal(decide(returned, new Command.Sign(), LEAD_USER, T0.plusSeconds(9000))))
                .isEqualTo("ticket.illegal-transition");
    }

    @Test
    void returnAfterTheReturnWindowIsRefused() {
        // window is 2 working days from Monday 09:01: closed on Wednesday 09:01
        Decision d = decide(signed(), new Command.RequestReturn("非本单位职责", "市场监管局"), LEAD_USER,
                Instant.parse("2026-11-18T02:00:00Z"));
        assertThat(refusal(d)).isEqualTo("ticket.return-window-elapsed");
    }

    @Test
    void anEmergencyTicketCannotBeReturned() {
        Ticket t = apply(received(caller(), Urgency.EMERGENCY), new Command.Classify(STALLS, null, null, null), AGENT, T0);
        t = apply(t, new Command.Assign(LEAD, Set.of(), null), DISPATCHER, T0);
        assertThat(t.clocks()).doesNotContainKey(ClockName.RETURN_WINDOW);
        assertThat(due(t, ClockName.HANDLE)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(refusal(decide(t, new Command.RequestReturn("非本单位", "公安局"), LEAD_USER, T0))).isEqualTo("ticket.return-not-allowed");
    }

    @Test
    void anApprovedReturnWithANewLeadIsRedispatchedWithFreshClocksAndCountsTheBounce() {
        Instant approvedAt = T0.plus(Duration.ofDays(1));
        Ticket t = apply(inStatus(TicketStatus.RETURN_REQUESTED), new Command.ApproveReturn("d.dongcheng", Set.of(), "属地负责"), DISPATCHER, approvedAt);
        assertThat(t.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(t.leadDepartment()).isEqualTo("d.dongcheng");
        assertThat(t.returnCount()).isEqualTo(1);
        assertThat(t.clocks().get(ClockName.HANDLE).startedAt()).isEqualTo(approvedAt);
    }

    @Test
    void theFirstAssignmentIsKeptAsTheRoutingThroughReassignmentsAndAnApprovedReturnMarksItWrong() {
        Ticket requested = inStatus(TicketStatus.RETURN_REQUESTED);
        assertThat(requested.routing()).isEqualTo(new Routing(T0.plusSeconds(60), false, 0));
        Ticket redispatched = apply(requested, new Command.ApproveReturn("d.dongcheng", Set.of(), "属地负责"), DISPATCHER, T0.plusSeconds(20000));
        assertThat(redispatched.routing()).isEqualTo(new Routing(T0.plusSeconds(60), false, 1));
        Ticket waiting = apply(requested, new Command.ApproveReturn(null, Set.of(), null), DISPATCHER, T0.plusSeconds(20000));
        assertThat(waiting.routing().approvedReturns()).isEqualTo(1);
        Ticket kept = apply(requested, new Command.RejectReturn("属于城管职责"), DISPATCHER, T0.plusSeconds(20000));
        assertThat(kept.routing().approvedReturns()).isZero();
    }

    @Test
    void anAssignmentByTheSystemIsAnAutomaticRouting() {
        Ticket t = apply(classified(), new Command.Assign(LEAD, Set.of(), null), Actor.system("auto-dispatch"), T0);
        assertThat(t.routing()).isEqualTo(new Routing(T0, true, 0));
        assertThat(classified().routing()).isNull();
    }

    @Test
    void anApprovedReturnWithoutNewLeadWaitsClassifiedWithStoppedClocks() {
        Ticket t = apply(inStatus(TicketStatus.RETURN_REQUESTED), new Command.ApproveReturn(null, Set.of(), null), DISPATCHER, T0.plusSeconds(20000));
        assertThat(t.status()).isEqualTo(TicketStatus.CLASSIFIED);
        assertThat(t.leadDepartment()).isNull();
        assertThat(t.clocks().values()).allSatisfy(track -> assertThat(track.isStopped()).isTrue());
    }

    @Test
    void aRejectedReturnGoesBackWhereItWasAndTheBounceStaysCounted() {
        Ticket t = apply(inStatus(TicketStatus.RETURN_REQUESTED), new Command.RejectReturn("属于城管职责"), DISPATCHER, T0.plusSeconds(20000));
        assertThat(t.status()).isEqualTo(TicketStatus.SIGNED);
        assertThat(t.returnCount()).isEqualTo(1);
        assertThat(t.pendingReturn()).isNull();
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndTellsTheNewOne() {
        Ticket t = apply(inProgress(), new Command.RequestExtension(TimeLimit.workingDays(3), "需协调"), LEAD_USER, T0.plusSeconds(9000));
        Decision d = decide(t, new Command.ApproveExtension("同意"), SUPERVISOR, T0.plusSeconds(9600));
        Ticket extended = ((Decision.Accepted) d).ticket();
        Instant expected = Instant.parse("2026-11-26T01:01:00Z"); // 5 + 3 working days from Monday 09:01
        assertThat(due(extended, ClockName.HANDLE)).isEqualTo(expected);
        assertThat(((Decision.Accepted) d).events().get(0))
                .isInstanceOfSatisfying(TicketEvent.ExtensionApproved.class, e -> assertThat(e.newDueAt()).isEqualTo(expected));
        assertThat(extended.extensionCount()).isEqualTo(1);
    }

    @Test
    void extensionsAreLimitedInNumberLengthAndTime() {
        Ticket once = apply(apply(inProgress(), new Command.RequestExtension(TimeLimit.workingDays(3), "需协调"), LEAD_USER, T0.plusSeconds(9000)),
                new Command.ApproveExtension(null), SUPERVISOR, T0.plusSeconds(9600));
        assertThat(refusal(decide(once, new Command.RequestExtension(TimeLimit.workingDays(1), "再延"), LEAD_USER, T0.plusSeconds(10000))))
                .isEqualTo("ticket.extension-limit");
        assertThat(refusal(decide(inProgress(), new Command.RequestExtension(TimeLimit.workingDays(11), "太长"), LEAD_USER, T0.plusSeconds(9000))))
                .isEqualTo("ticket.extension-too-long");
        assertThat(refusal(decide(inProgress(), new Command.RequestExtension(TimeLimit.workingDays(2), "太晚"), LEAD_USER, T0.plus(Duration.ofDays(10)))))
                .isEqualTo("ticket.extension-too-late");
        assertThat(refusal(decide(inProgress(), new Command.ApproveExtension(null), SUPERVISOR, T0.plusSeconds(9000))))
                .isEqualTo("ticket.no-extension-pending");
    }

    @Test
    void suspensionPausesTheClocksAndResumeShiftsTheDeadlineByThePause() {
        Ticket suspended = apply(inProgress(), new Command.Suspend("等待管网施工"), SUPERVISOR, Instant.parse("2026-11-17T01:01:00Z"));
        assertThat(suspended.clocks().get(ClockName.HANDLE).isPaused()).isTrue();
        Ticket resumed = apply(suspended, new Command.Resume("施工完成"), SUPERVISOR, Instant.parse("2026-11-19T01:01:00Z"));
        assertThat(resumed.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        // two working days paused: Monday 23rd 09:01 becomes Wednesday 25th 09:01
        assertThat(due(resumed, ClockName.HANDLE)).isEqualTo(Instant.parse("2026-11-25T01:01:00Z"));
    }

    @Test
    void replyingStopsEveryClockAndASendBackResumesHandling() {
        Ticket replied = inStatus(TicketStatus.REPLIED);
        assertThat(replied.clocks().values()).allSatisfy(track -> assertThat(track.isStopped()).isTrue());
        Ticket sentBack = apply(replied, new Command.SendBackReply("答复未说明处理结果"), DISPATCHER, T0.plus(Duration.ofDays(1)));
        assertThat(sentBack.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(sentBack.reply()).isNull();
        assertThat(sentBack.clocks().get(ClockName.HANDLE).isRunning()).isTrue();
    }

    @Test
    void rehandlingIsOnlyForUnresolvedOrDissatisfiedAndStartsFreshClocks() {
        Instant reopenedAt = T0.plus(Duration.ofDays(2));
        Ticket reopened = apply(inStatus(TicketStatus.REVISITED), new Command.Rehandle("市民反映仍有摊贩"), SUPERVISOR, reopenedAt);
        assertThat(reopened.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.clocks().get(ClockName.HANDLE).startedAt()).isEqualTo(reopenedAt);
        Ticket satisfied = apply(inStatus(TicketStatus.REVIEWED),
                new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT, reopenedAt);
        assertThat(refusal(decide(satisfied, new Command.Rehandle("再办"), SUPERVISOR, reopenedAt))).isEqualTo("ticket.rehandle-not-needed");
    }

    @Test
    void closingWithoutAReturnVisitNeedsAnUnreachableCaller() {
        assertThat(refusal(decide(inStatus(TicketStatus.REVIEWED), new Command.Close(null), AGENT, T0.plusSeconds(99999))))
                .isEqualTo("ticket.visit-required");
        Ticket anonymous = received(new Caller(null, null, false, true), Urgency.NORMAL);
        Instant at = T0.plusSeconds(600);
        anonymous = apply(anonymous, new Command.Classify(STALLS, null, null, null), AGENT, at);
        anonymous = apply(anonymous, new Command.Assign(LEAD, Set.of(), null), DISPATCHER, at);
        anonymous = apply(anonymous, new Command.Sign(), LEAD_USER, at);
        anonymous = apply(anonymous, new Command.SubmitReply("已处理", ReplyResult.RESOLVED), LEAD_USER, at);
        anonymous = apply(anonymous, new Command.AcceptReply(null), DISPATCHER, at);
        assertThat(apply(anonymous, new Command.Close("匿名无法回访"), AGENT, at).status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aMergedTicketMirrorsItsMastersReplyAndGetsItsOwnReturnVisit() {
        Ticket merged = inStatus(TicketStatus.MERGED);
        Reply masterReply = new Reply("已统一清理", ReplyResult.RESOLVED, T0.plusSeconds(50000), LEAD);
        assertThat(refusal(decide(merged, new Command.MirrorMasterReply(new TicketId("other"), masterReply), SYSTEM, T0.plusSeconds(50000))))
                .isEqualTo("ticket.not-master");
        Ticket mirrored = apply(merged, new Command.MirrorMasterReply(new TicketId("master"), masterReply), SYSTEM, T0.plusSeconds(50000));
        Ticket visited = apply(mirrored, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT, T0.plusSeconds(60000));
        assertThat(visited.status()).isEqualTo(TicketStatus.MERGED);
        assertThat(visited.visit().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(refusal(decide(received(), new Command.MergeInto(new TicketId("t1"), null), DISPATCHER, T0))).isEqualTo("ticket.merge-self");
    }

    @Test
    void aDuplicateCanBeMergedAtEveryOpenStageButNotOnceItIsAMasterItself() {
        for (TicketStatus status : TicketStatus.values()) {
            if (!status.isOpen()) {
                continue;
            }
            Ticket merged = apply(inStatus(status), new Command.MergeInto(new TicketId("master"), "重复诉求"), DISPATCHER, T0.plusSeconds(90000));
            assertThat(merged.status()).as(status.name()).isEqualTo(TicketStatus.MERGED);
            assertThat(merged.clocks().values()).as(status.name()).allSatisfy(track -> assertThat(track.isRunning()).isFalse());
        }
        Ticket master = apply(received(), new Command.AbsorbDuplicate(new TicketId("dup"), null), DISPATCHER, T0);
        assertThat(refusal(decide(master, new Command.MergeInto(new TicketId("other"), null), DISPATCHER, T0))).isEqualTo("ticket.is-master");
    }

    @Test
    void aMergedTicketClosesOnlyWithItsMasterAndTakesTheMastersUnit() {
        Ticket merged = inStatus(TicketStatus.MERGED);
        Reply masterReply = new Reply("已统一清理", ReplyResult.RESOLVED, T0.plusSeconds(50000), LEAD);
        Ticket mirrored = apply(merged, new Command.MirrorMasterReply(new TicketId("master"), masterReply, LEAD), SYSTEM, T0.plusSeconds(50000));
        assertThat(mirrored.leadDepartment()).isEqualTo(LEAD);

        assertThat(refusal(decide(mirrored, new Command.Close("手工"), AGENT, T0.plusSeconds(60000)))).isEqualTo("ticket.merged-follows-master");
        Ticket closed = apply(mirrored, new Command.Close("主单已办结"), SYSTEM, T0.plusSeconds(60000));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.masterTicketId()).isEqualTo(new TicketId("master"));
    }

    @Test
    void anSlaWarningIsRecordedOnlyWhenItMatchesTheRunningClock() {
        Ticket t = assigned();
        Instant due = due(t, ClockName.SIGN);
        Decision ok = decide(t, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due), SYSTEM, due);
        assertThat(((Decision.Accepted) ok).events().get(0)).isInstanceOf(TicketEvent.SlaOverdueRecorded.class);
        Ticket assignedWithNanos = apply(classified(), new Command.Assign(LEAD, Set.of(), null), DISPATCHER, T0.plusNanos(123_456_789));
        Instant fromAlarm = Instant.ofEpochMilli(due(assignedWithNanos, ClockName.SIGN).toEpochMilli());
        assertThat(decide(assignedWithNanos, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.YELLOW, fromAlarm), SYSTEM, fromAlarm))
                .isInstanceOf(Decision.Accepted.class);
        assertThat(refusal(decide(t, new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due.minusSeconds(1)), SYSTEM, due)))
                .isEqualTo("ticket.sla-stale");
        assertThat(refusal(decide(signed(), new Command.RecordSlaWarning(ClockName.SIGN, SlaLevel.RED, due), SYSTEM, due)))
                .isEqualTo("ticket.sla-stale");
    }

    @Test
    void citizensMayOnlyFileOnTheirOwnChannelsAndDepartmentsNever() {
        NewAppeal phone = appeal(caller(), Urgency.NORMAL);
        Decision byCitizen = TicketRules.receive(phone, new TicketId("x"), new TicketNumber("12345-20261116-000002"),
                new QueryCode("ABC234"), CITIZEN, T0);
        assertThat(refusal(byCitizen)).isEqualTo("ticket.forbidden-role");
        NewAppeal web = new NewAppeal(Channel.WEB, AppealType.HELP, Urgency.NORMAL, "求助", "内容", caller(), null, null);
        assertThat(TicketRules.receive(web, new TicketId("x"), new TicketNumber("12345-20261116-000002"),
                new QueryCode("ABC234"), CITIZEN, T0)).isInstanceOf(Decision.Accepted.class);
        assertThat(refusal(TicketRules.receive(web, new TicketId("x"), new TicketNumber("12345-20261116-000002"),
                new QueryCode("ABC234"), LEAD_USER, T0))).isEqualTo("ticket.forbidden-role");
    }

    @Test
    void urgingClimbsTheLadderAndCounts() {
        Ticket t = apply(assigned(), new Command.Urge(UrgeLevel.SUPERVISE, "超期未签收"), SUPERVISOR, T0.plusSeconds(99999));
        t = apply(t, new Command.Urge(UrgeLevel.URGE, "再次催办"), SYSTEM, T0.plusSeconds(99999));
        assertThat(t.urgeCount()).isEqualTo(2);
        assertThat(t.urgeLevel()).isEqualTo(UrgeLevel.SUPERVISE);
    }

    @Test
    void anAgentsReVisitSupersedesTheRobotsVisitAndBothStayOnRecord() {
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        Ticket robotVisited = apply(inStatus(TicketStatus.REVIEWED),
                new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.DISSATISFIED, "短信回访"), Actor.system("sms-survey"), at);
        Ticket revisited = apply(robotVisited,
                new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.BASICALLY_SATISFIED, "复核回访"), AGENT, at.plusSeconds(60));
        assertThat(revisited.status()).isEqualTo(TicketStatus.REVISITED);
        assertThat(revisited.visit().satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(revisited.visits()).extracting(ReturnVisit::satisfaction)
                .containsExactly(Satisfaction.DISSATISFIED, Satisfaction.BASICALLY_SATISFIED);
    }

    @Test
    void aVisitedTicketIsNotVisitedAgainByARobotOrByTheCitizen() {
        Ticket visited = inStatus(TicketStatus.REVISITED);
        Command again = new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null);
        assertThat(refusal(decide(visited, again, Actor.system("sms-survey"), Instant.parse("2026-11-20T02:00:00Z")))).isEqualTo("ticket.revisit-by-agent");
        assertThat(refusal(decide(visited, again, CITIZEN, Instant.parse("2026-11-20T02:00:00Z")))).isEqualTo("ticket.revisit-by-agent");
    }
}
