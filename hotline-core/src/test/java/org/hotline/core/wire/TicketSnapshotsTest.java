package org.hotline.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.*;
import org.hotline.core.time.TimeLimit;
import org.junit.jupiter.api.Test;

class TicketSnapshotsTest {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final TicketSnapshots SNAPSHOTS = new TicketSnapshots(SEED.timeLimits().deadlines());
    private static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");
    private static final Actor URBAN = Actor.department("u1", "urban", "城管局");

    private static Ticket step(Ticket t, Command c, Actor a, Instant at) {
        return ((Decision.Accepted) TicketRules.decide(t, c, a, at, SEED.timeLimits())).ticket();
    }

    private static Ticket withExtensionPending() {
        NewAppeal appeal = new NewAppeal(Channel.WECHAT, AppealType.REPORT, Urgency.NORMAL, "举报", "夜间施工扰民",
                new Caller("李四", "0371-87654321", true, false),
                new Location("东城区", "人民路街道", null, "人民路1号", 34.7, 113.6), List.of("夜间"));
        Ticket t = ((Decision.Accepted) TicketRules.receive(appeal, new TicketId("t-9"), new TicketNumber("12345-20261116-000009"),
                new QueryCode("XYZ789"), Actor.agent("a", "甲"), T0)).ticket();
        t = step(t, new Command.Classify(SEED.categories().find("020201").orElseThrow(), null, null, null), Actor.agent("a", "甲"), T0);
        t = step(t, new Command.Assign("urban", Set.of("environment"), null), Actor.dispatcher("p", "乙"), T0);
        t = step(t, new Command.Sign(), URBAN, T0.plusSeconds(60));
        t = step(t, new Command.Suspend("等待检测"), Actor.supervisor("s", "丙"), T0.plusSeconds(120));
        t = step(t, new Command.Resume(null), Actor.supervisor("s", "丙"), T0.plusSeconds(3600)); // the center lifts its suspension
        return step(t, new Command.RequestExtension(TimeLimit.workingDays(5), "需检测"), URBAN, T0.plusSeconds(7200));
    }

    @Test
    void aTicketSurvivesTheSnapshotRoundTripExactly() {
        Ticket ticket = withExtensionPending();
        assertThat(SNAPSHOTS.fromJson(SNAPSHOTS.toJson(ticket))).isEqualTo(ticket);
    }

    @Test
    void theSnapshotHasEveryContractFieldOfTicketV1() throws Exception {
        JsonNode json = WireJson.mapper().readTree(SNAPSHOTS.toJson(withExtensionPending()));
        assertThat(json.fieldNames()).toIterable().contains("schema", "id", "number", "version", "status", "channel",
                "appealType", "urgency", "title", "content", "caller", "location", "category", "leadDepartment",
                "assistingDepartments", "receivedAt", "signedAt", "firstContactAt", "repliedAt", "closedAt", "clocks",
                "reply", "visit", "returnCount", "extensionCount", "urgeCount", "reopenCount", "masterTicketId",
                "callIds", "tags");
        assertThat(json.get("schema").asText()).isEqualTo("ticket.v1");
        assertThat(json.at("/category/path").asText()).isEqualTo("环境保护/噪声污染/施工噪声");
        assertThat(json.at("/clocks/HANDLE").fieldNames()).toIterable()
                .contains("startedAt", "dueAt", "yellowAt", "stoppedAt", "paused");
        assertThat(json.at("/clocks/HANDLE/dueAt").asText()).endsWith("Z");
        assertThat(json.at("/caller/confidential").asBoolean()).isTrue();
    }

    @Test
    void eventsAreWrittenWithWhoWhenWhyAndTheirDetails() throws Exception {
        TicketEvent event = new TicketEvent.ExtensionApproved(Actor.supervisor("s", "丙"), T0, "同意",
                TimeLimit.workingDays(5), T0.plusSeconds(99));
        JsonNode json = WireJson.mapper().readTree(EventJson.toJson(event));
        assertThat(json.get("type").asText()).isEqualTo("ExtensionApproved");
        assertThat(json.at("/actor/role").asText()).isEqualTo("SUPERVISOR");
        assertThat(json.get("at").asText()).isEqualTo("2026-11-16T01:00:00Z");
        assertThat(json.get("reason").asText()).isEqualTo("同意");
        assertThat(json.get("amount").asText()).isEqualTo("5wd");
        assertThat(json.get("newDueAt").asText()).isEqualTo("2026-11-16T01:01:39Z");
    }
}
