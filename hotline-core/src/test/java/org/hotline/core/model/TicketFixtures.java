package org.hotline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.catalog.Seed;
import org.hotline.core.wire.SeedLoader;

/** Tickets brought into each status through the real rules, on the 中原市 seed policy. */
final class TicketFixtures {

    static final Seed SEED = SeedLoader.fromClasspath();
    static final Policy POLICY = SEED.timeLimits();
    /** Monday 2026-11-16 09:00 in Beijing. */
    static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");
    static final String LEAD = "urban";
    static final Actor AGENT = Actor.agent("a1", "坐席甲");
    static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    static final Actor SUPERVISOR = Actor.supervisor("s1", "班长丙");
    static final Actor LEAD_USER = Actor.department("u1", LEAD, "城管局经办人");
    static final Actor OTHER_DEPT = Actor.department("u2", "environment", "环保局经办人");
    static final Actor SYSTEM = Actor.system("sla-scheduler");
    static final Actor CITIZEN = Actor.citizen("c1");
    static final Actor ADMIN = new Actor("root", Role.ADMIN, null, "管理员");
    static final Category STALLS = SEED.categories().find("010201").orElseThrow();

    private TicketFixtures() {
    }

    static Actor actorWith(Role role) {
        return switch (role) {
            case CITIZEN -> CITIZEN;
            case AGENT -> AGENT;
            case DISPATCHER -> DISPATCHER;
            case DEPARTMENT -> LEAD_USER;
            case SUPERVISOR -> SUPERVISOR;
            case ADMIN -> ADMIN;
            case SYSTEM -> SYSTEM;
        };
    }

    static NewAppeal appeal(Caller caller, Urgency urgency) {
        return new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, urgency, "人民路占道经营",
                "人民路与解放路交叉口每天晚上有商贩占道经营，影响通行。", caller,
                new Location("东城区", "人民路街道", "幸福里社区", "人民路88号", 34.75, 113.62), List.of());
    }

    static Caller caller() {
        return new Caller("张三丰", "13800138000", false, false);
    }

    static Ticket received() {
        return received(caller(), Urgency.NORMAL);
    }

    static Ticket received(Caller caller, Urgency urgency) {
        Decision d = TicketRules.receive(appeal(caller, urgency), new TicketId("t1"),
                new TicketNumber("12345-20261116-000001"), new QueryCode("ABC234"), AGENT, T0);
        return ((Decision.Accepted) d).ticket();
    }

    static Ticket apply(Ticket ticket, Command command, Actor actor, Instant at) {
        Decision d = TicketRules.decide(ticket, command, actor, at, POLICY);
        if (d instanceof Decision.Refused r) {
            throw new AssertionError("refused " + command.kind() + " in " + ticket.status() + ": " + r.code() + " " + r.message());
        }
        return ((Decision.Accepted) d).ticket();
    }

    static Ticket classified() {
        return apply(received(), new Command.Classify(STALLS, null, null, null), AGENT, T0);
    }

    static Ticket assigned() {
        return apply(classified(), new Command.Assign(LEAD, Set.of("d.dongcheng"), null), DISPATCHER, T0.plusSeconds(60));
    }

    static Ticket signed() {
        return apply(assigned(), new Command.Sign(), LEAD_USER, T0.plusSeconds(3600));
    }

    static Ticket inProgress() {
        return apply(signed(), new Command.RecordContact("已电话联系市民"), LEAD_USER, T0.plusSeconds(7200));
    }

    static Ticket inStatus(TicketStatus status) {
        Instant later = T0.plusSeconds(4 * 3600);
        return switch (status) {
            case RECEIVED -> received();
            case CLASSIFIED -> classified();
            case ASSIGNED -> assigned();
            case SIGNED -> signed();
            case IN_PROGRESS -> inProgress();
            case RETURN_REQUESTED -> apply(signed(), new Command.RequestReturn("不属于本单位职责", "东城区人民政府"), LEAD_USER, later);
            case SUSPENDED -> apply(inProgress(), new Command.Suspend("待施工完成"), SUPERVISOR, later);
            case REPLIED -> apply(inProgress(), new Command.SubmitReply("已清理占道摊贩", ReplyResult.RESOLVED), LEAD_USER, later);
            case REVIEWED -> apply(inStatus(TicketStatus.REPLIED), new Command.AcceptReply(null), DISPATCHER, later.plusSeconds(60));
            case REVISITED -> apply(inStatus(TicketStatus.REVIEWED),
                    new Command.RecordReturnVisit(Resolution.UNRESOLVED, Satisfaction.DISSATISFIED, "仍有摊贩"), AGENT, later.plusSeconds(120));
            case CLOSED -> apply(inStatus(TicketStatus.REVISITED), new Command.Close("已办结"), AGENT, later.plusSeconds(180));
            case NOT_ACCEPTED -> apply(received(), new Command.NotAccept("属于诉讼事项", "人民法院"), AGENT, later);
            case MERGED -> apply(received(), new Command.MergeInto(new TicketId("master"), "重复件"), DISPATCHER, later);
        };
    }
}
