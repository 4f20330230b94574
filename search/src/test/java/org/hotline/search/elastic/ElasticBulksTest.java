package org.hotline.search.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.util.BinaryData;
import java.time.Instant;
import java.util.ArrayList;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;
import org.junit.jupiter.api.Test;

class ElasticBulksTest {

    private final DocumentJson json = new DocumentJson();

    @Test
    void ticketsAreCutIntoRequestsOfAtMostTheByteLimitKeepingEveryTicketOnce() {
        var tickets = new ArrayList<TicketDocument>();
        for (int i = 0; i < 25; i++) {
            tickets.add(TicketSnapshot.ticket("t" + i, Instant.parse("2026-05-01T00:00:00Z")).text("路灯不亮", "小区路灯不亮，已经持续一周").document());
        }
        var bulks = new ElasticBulks(new ElasticDocuments(json, "p"), json, 10_000);

        var requests = bulks.tickets(tickets);

        assertThat(requests).hasSizeGreaterThan(1);
        assertThat(requests.stream().mapToInt(r -> r.operations().size()).sum()).isEqualTo(25);
        for (var request : requests) {
            long bytes = request.operations().stream().mapToLong(op -> ((BinaryData) op.index().document()).size()).sum();
            assertThat(bytes).isLessThanOrEqualTo(10_000);
        }
        assertThat(requests.get(0).operations().get(0).index().version()).isEqualTo(1L);
    }

    @Test
    void aTicketLargerThanTheLimitStillGoesAloneInItsOwnRequest() {
        var big = TicketSnapshot.ticket("big", Instant.parse("2026-05-01T00:00:00Z")).text("路灯不亮", "已经持续一周，".repeat(2000)).document();
        var small = TicketSnapshot.ticket("small", Instant.parse("2026-05-01T00:00:00Z")).text("路灯不亮", "小区路灯").document();
        var bulks = new ElasticBulks(new ElasticDocuments(json, "p"), json, 1_000);

        var requests = bulks.tickets(java.util.List.of(big, small));

        assertThat(requests).extracting(r -> r.operations().size()).containsExactly(1, 1);
        assertThat(requests.get(0).operations().get(0).index().index()).isEqualTo("p-tickets-2026.05");
    }
}
