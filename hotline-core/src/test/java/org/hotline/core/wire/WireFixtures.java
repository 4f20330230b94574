package org.hotline.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.*;

/** A ticket brought to 已派单 through the real rules on the seed policy, for the snapshot tests. */
final class WireFixtures {

    static final Seed SEED = SeedLoader.fromClasspath();
    static final TicketSnapshots SNAPSHOTS = new TicketSnapshots(SEED.timeLimits().deadlines());
    static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");

    private WireFixtures() {
    }

    static Ticket step(Ticket t, Command c, Actor a, Instant at) {
        return ((Decision.Accepted) TicketRules.decide(t, c, a, at, SEED.timeLimits())).ticket();
    }

    static Ticket assigned(Set<String> assisting) {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "占道", "路边摊占道经营",
                new Caller("张三", "13800000000", false, false),
                new Location("东城区", "人民路街道", null, "人民路2号", null, null), List.of());
        Ticket t = ((Decision.Accepted) TicketRules.receive(appeal, new TicketId("t-1"), new TicketNumber("12345-20261116-000001"),
                new QueryCode("ABC234"), Actor.agent("a", "甲"), T0)).ticket();
        t = step(t, new Command.Classify(SEED.categories().find("010201").orElseThrow(), null, null, null), Actor.agent("a", "甲"), T0);
        return step(t, new Command.Assign("urban", assisting, null), Actor.dispatcher("p", "乙"), T0);
    }
}
