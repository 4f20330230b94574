package org.hotline.search.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.core.wire.TicketV1;
import org.hotline.core.wire.WireJson;
import org.hotline.search.TicketSnapshot;
import org.junit.jupiter.api.Test;

/** The search side reads the snapshot exactly as core's wire mapping writes it. */
class TicketSnapshotsTest {

    static final Instant T = Instant.parse("2026-11-02T02:00:00Z");

    @Test
    void readsTheSnapshotCoreWrites() throws Exception {
        var handle = new TicketV1.ClockV1(T, T.plusSeconds(86_400 * 5), T.plusSeconds(86_400 * 4), null, false, "P5D", List.of());
        var sign = new TicketV1.ClockV1(T, T.plusSeconds(86_400), null, T.plusSeconds(3600), false, "P1D", List.of());
        var v1 = new TicketV1(TicketV1.SCHEMA, "tid-1", "12345-20261102-000001", "ABC123", 4, "SIGNED", "PHONE", "COMPLAINT",
                "NORMAL", "小区楼下烧烤店油烟扰民", "每天晚上油烟很大",
                new TicketV1.CallerV1("张三", "13800138000", true, false),
                new TicketV1.LocationV1("金水区", "花园路街道", "某社区", "花园路1号", 34.7, 113.6),
                new TicketV1.CategoryV1("030201", "油烟污染", "环境保护/大气污染/油烟污染"),
                "D-ENV", List.of("D-CITY"), T, T.plusSeconds(3600), null, null, null,
                Map.of("HANDLE", handle, "SIGN", sign), null, new TicketV1.VisitV1("RESOLVED", "SATISFIED", null, T),
                null, null, null, 1, 0, 2, null, 0, null, List.of(), null, List.of("c1"), List.of("热点"), null,
                new TicketV1.RoutingV1(T.plusSeconds(60), true, 1), null);
        TicketDocument t = TicketSnapshot.SNAPSHOTS.parse(WireJson.mapper().writeValueAsString(v1));
        assertThat(t.id()).isEqualTo("tid-1");
        assertThat(t.version()).isEqualTo(4);
        assertThat(t.caller().confidential()).isTrue();
        assertThat(t.categoryCode()).isEqualTo("030201");
        assertThat(t.departments()).containsExactly("D-ENV", "D-CITY");
        assertThat(t.at().signed()).isEqualTo(T.plusSeconds(3600));
        assertThat(t.due().handle()).isEqualTo(T.plusSeconds(86_400 * 5));
        assertThat(t.due().handleYellow()).isEqualTo(T.plusSeconds(86_400 * 4));
        assertThat(t.due().sign()).isEqualTo(T.plusSeconds(86_400));
        assertThat(t.resolution()).isEqualTo("RESOLVED");
        assertThat(t.returnCount()).isEqualTo(1);
        assertThat(t.routing()).isEqualTo(new TicketDocument.Routing(T.plusSeconds(60), true, 1));
        assertThat(t.routing().misrouted()).isTrue();
        assertThat(t.segmented().split(" ")).contains("烧烤", "油烟");
    }

    @Test
    void aSnapshotWithoutIdOrVersionIsUnreadable() {
        assertThatThrownBy(() -> TicketSnapshot.SNAPSHOTS.parse("{\"receivedAt\":\"2026-11-02T02:00:00Z\"}"))
                .isInstanceOf(TicketSnapshots.UnreadableSnapshot.class);
        assertThatThrownBy(() -> TicketSnapshot.SNAPSHOTS.parse("{not json"))
                .isInstanceOf(TicketSnapshots.UnreadableSnapshot.class);
    }
}
