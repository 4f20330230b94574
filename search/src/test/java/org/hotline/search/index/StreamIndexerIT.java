package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;
import static org.hotline.search.index.IndexerHarness.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexer against a real Redis, on the embedded backend. */
class StreamIndexerIT {

    static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");
    final Vertx vertx = Vertx.vertx();
    IndexerHarness harness;
    TicketSearch search;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        harness = new IndexerHarness(vertx, "idx");
        search = LuceneTicketSearch.open(vertx, dir, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
        harness.deploy(search, harness.config(dir));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
        harness.close();
    }

    @Test
    void everyEventOnTheStreamEndsUpSearchableAtItsLatestVersion() {
        harness.event(ticket("s1", DAY).text("小区楼下烧烤店油烟扰民", "油烟很大").version(1).set("status", "RECEIVED"), "TicketReceived");
        harness.event(ticket("s1", DAY).text("小区楼下烧烤店油烟扰民", "油烟很大").version(2).set("status", "ASSIGNED").department("D-ENV"), "TicketAssigned");
        harness.event(ticket("s2", DAY).text("路灯不亮", "路灯坏了").version(1), "TicketReceived");
        harness.awaitIndexed(3);
        await(search.refresh());
        var page = await(search.search(TicketQuery.text("油烟", 10), SearchScope.all()));
        assertThat(page.hits()).hasSize(1);
        assertThat(page.hits().get(0).ticket().status()).isEqualTo("ASSIGNED");
        assertThat(page.hits().get(0).ticket().leadDepartment()).isEqualTo("D-ENV");
        harness.awaitNothingPending("search-idx");
    }

    @Test
    void aLeanEntryIndexesTheTicketsCurrentSnapshotFromRedis() {
        harness.event(ticket("lean1", DAY).text("噪音扰民", "工地夜间施工").version(1).set("status", "RECEIVED"), "TicketReceived");
        harness.leanEvent(ticket("lean1", DAY).text("噪音扰民", "工地夜间施工").version(2).set("status", "ASSIGNED")
                .department("D-CITY"), "TicketAssigned");
        harness.awaitIndexed(2);
        await(search.refresh());
        var hits = await(search.search(TicketQuery.text("噪音", 10), SearchScope.all())).hits();
        assertThat(hits).extracting(h -> h.ticket().version() + " " + h.ticket().leadDepartment()).containsExactly("2 D-CITY");
        assertThat(await(search.activity(ActivityQuery.eventsOf("lean1", 10)))).extracting(r -> r.id())
                .containsExactlyInAnyOrder("lean1:1", "lean1:2");
    }

    @Test
    void anUnreadableEntryIsParkedWithItsErrorAndTheOthersAreIndexed() {
        harness.raw(RedisKeys.TICKET_EVENTS, Map.of("ticketId", "bad", "version", "1", "type", "TicketReceived",
                "at", DAY.toString(), "ticket", "{not json"));
        harness.event(ticket("good", DAY).text("路灯不亮", "路灯坏了"), "TicketReceived");
        harness.awaitIndexed(2);
        await(search.refresh());
        assertThat(await(search.search(TicketQuery.text("路灯", 10), SearchScope.all())).total()).isEqualTo(1);
        var parked = harness.writer.sync().xrange(Parking.PARKED, io.lettuce.core.Range.create("-", "+"));
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getBody()).containsEntry("stream", RedisKeys.TICKET_EVENTS).containsKey("error");
        harness.awaitNothingPending("search-idx");
    }

    @Test
    void callRecordsAndHistoryImportsAreConsumedToo() {
        harness.raw(RedisKeys.CALL_RECORDS, Map.of("callId", "c1", "caller", "13800138000", "endedAt", DAY.toString()));
        harness.raw(StreamEntries.HISTORY_IMPORT, Map.of("ticket", ticket("h1", DAY).text("历史工单 供暖不热", "暖气不热").set("status", "CLOSED").json()));
        harness.awaitIndexed(2);
        await(search.refresh());
        assertThat(await(search.search(TicketQuery.text("供暖", 10), SearchScope.all())).hits())
                .extracting(h -> h.ticket().id()).containsExactly("h1");
        var calls = await(search.activity(ActivityQuery.callsOf("13800138000", 10)));
        assertThat(calls).extracting(r -> r.id() + "@" + r.at()).containsExactly("c1@" + DAY);
        assertThat(calls.get(0).body()).containsEntry("callId", "c1");
    }

    @Test
    void theEmbeddedBackendKeepsEachTicketEventFromTheStream() {
        harness.event(ticket("v1", DAY).text("供暖不热", "暖气不热").version(1), "TicketReceived");
        harness.event(ticket("v1", DAY).text("供暖不热", "暖气不热").version(2).set("status", "SIGNED"), "TicketSigned");
        harness.awaitIndexed(2);
        await(search.refresh());
        assertThat(await(search.activity(ActivityQuery.eventsOf("v1", 10)))).extracting(r -> r.id() + " " + r.type())
                .containsExactlyInAnyOrder("v1:2 TicketSigned", "v1:1 TicketReceived");
    }

    @Test
    void rebuildIndexesEverySnapshotFromTheStreamsIntoAFreshIndex() {
        harness.event(ticket("r1", DAY).text("供暖不热", "暖气不热").version(1), "TicketReceived");
        harness.event(ticket("r1", DAY).text("供暖不热", "暖气不热").version(2).set("status", "SIGNED"), "TicketSigned");
        harness.raw(StreamEntries.HISTORY_IMPORT, Map.of("ticket", ticket("r2", DAY).text("历史 供暖", "供暖").set("status", "CLOSED").json()));
        TicketSearch fresh = LuceneTicketSearch.open(vertx, dir.resolve("fresh"), TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
        var rebuild = new SearchRebuild(fresh, harness.writer, new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER), 1);
        var rebuilt = await(vertx.getOrCreateContext().<Long>executeBlocking(() -> 0L).compose(x -> rebuild.run(vertx.getOrCreateContext())));
        assertThat(rebuilt.entries()).isEqualTo(3);
        var page = await(fresh.search(TicketQuery.text("供暖", 10), SearchScope.all()));
        // the rebuild also indexes every ticket hash in the shared Redis (other tests' tickets): look at these two
        assertThat(page.hits()).filteredOn(h -> h.ticket().id().matches("r[12]"))
                .extracting(h -> h.ticket().id() + "@" + h.ticket().version()).containsExactlyInAnyOrder("r1@2", "r2@1");
        await(fresh.close());
    }
}
