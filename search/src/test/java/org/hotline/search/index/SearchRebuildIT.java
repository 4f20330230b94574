package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;
import static org.hotline.search.index.IndexerHarness.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketIndexes;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventType;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.testsupport.RealElasticsearch;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild after the ticket event stream was trimmed: tickets committed by core's real commit script
 * (hash, event list, lean stream entries) on a real Redis, rebuilt into an empty index.
 */
class SearchRebuildIT {

    static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");
    final Vertx vertx = Vertx.vertx();
    final RedisClient client = RedisClient.create(RealRedis.shared().uri());
    final StatefulRedisConnection<String, String> connection = client.connect();
    final RedisTicketStore store = new RedisTicketStore(vertx, connection, RedisTicketStoreConfig.defaults());
    /** Ticket ids of this run: the shared Redis may hold other tests' tickets, which the rebuild indexes too. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        await(vertx.close());
        connection.close();
        client.shutdown();
    }

    @Test
    void aRebuildAfterTheStreamWasTrimmedIndexesEveryTicketAtItsLatestStateWithItsEventRecordsAndTheCallRecords() {
        String heating = commitHeatingTicket();
        String lamp = commitLampTicket();
        String call = "rb-" + run + "-call";
        connection.sync().xadd(RedisKeys.CALL_RECORDS, Map.of("callId", call, "ticketId", lamp, "caller", "13900139000",
                "outcome", "ANSWERED", "endedAt", DAY.toString()));
        connection.sync().xtrim(RedisKeys.TICKET_EVENTS, 0);
        assertThat(connection.sync().xlen(RedisKeys.TICKET_EVENTS)).isZero();

        TicketSearch fresh = lucene("trimmed");
        SearchRebuild.Rebuilt rebuilt = rebuild(fresh);

        assertThat(rebuilt.tickets()).isGreaterThanOrEqualTo(2);
        assertRebuilt(fresh, heating, lamp);
        assertThat(await(fresh.activity(ActivityQuery.callsOf("13900139000", 100)))).extracting(r -> r.id()).contains(call);
        await(fresh.close());
    }

    @Test
    void replayingWhatTheStreamStillHoldsAfterTheTicketListsDoublesNoEventRecord() {
        String heating = commitHeatingTicket();
        String lamp = commitLampTicket();

        TicketSearch fresh = lucene("replayed");
        SearchRebuild.Rebuilt rebuilt = rebuild(fresh);
        rebuild(fresh);

        assertThat(rebuilt.entries()).isGreaterThanOrEqualTo(4);
        assertRebuilt(fresh, heating, lamp);
        await(fresh.close());
    }

    @Test
    void aRebuildIntoElasticsearchAfterTheStreamWasTrimmedIndexesEveryTicketWithItsEventRecords() {
        String heating = commitHeatingTicket();
        String lamp = commitLampTicket();
        connection.sync().xtrim(RedisKeys.TICKET_EVENTS, 0);

        var config = SearchConfig.defaults(Path.of("target"))
                .withElasticsearch(List.of(RealElasticsearch.shared().url()), "rb" + ProcessHandle.current().pid() + "-" + run);
        var fresh = new ElasticTicketSearch(vertx, config, TicketSnapshot.SEGMENTER);
        await(fresh.start());
        rebuild(fresh);

        assertRebuilt(fresh, heating, lamp);
        await(fresh.close());
    }

    @Test
    void aTicketArchivedOutOfRedisIsRebuiltFromTheArchiveAndTheReportsCountTheSame() {
        // closed long before any other test's ticket, so that archiving at its cutoff touches only this one
        Instant longAgo = Instant.parse("2001-03-01T02:00:00Z");
        String closed = "rb-" + run + "-closed";
        var snapshot = ticket(closed, longAgo).text("井盖缺失 重建", "路口井盖丢了").department("D-ROAD");
        commit(closed, 0, snapshot.version(1).set("status", "RECEIVED"), "TicketReceived", true, "RECEIVED", longAgo);
        commit(closed, 1, snapshot.version(2).set("status", "CLOSED").after("closedAt", java.time.Duration.ofHours(2)),
                "TicketClosed", false, "CLOSED", longAgo);
        var period = new org.hotline.search.port.TicketSearch.Period(longAgo.minusSeconds(86_400), longAgo.plusSeconds(86_400));
        TicketSearch before = lucene("before-archive");
        rebuild(before);
        var archive = new org.hotline.core.archive.FileTicketArchive(vertx, dir.resolve("archive"));

        int archived = await(new org.hotline.core.redis.RedisTicketArchiver(vertx, connection.async(),
                org.hotline.core.redis.RedisTicketKeys.defaults(), archive, java.time.Duration.ZERO, 1_000_000)
                .archiveDue(longAgo.plus(java.time.Duration.ofHours(2))));
        connection.sync().xtrim(RedisKeys.TICKET_EVENTS, 0);
        TicketSearch after = lucene("after-archive");
        var rebuild = new SearchRebuild(after, connection, new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER),
                2, 1, archive);
        var context = vertx.getOrCreateContext();
        await(context.<Void>executeBlocking(() -> null).compose(v -> rebuild.run(context)));

        assertThat(archived).isEqualTo(1);
        assertThat(connection.sync().exists("hotline:ticket:" + closed)).as("left Redis").isZero();
        var hits = await(after.search(TicketQuery.text("井盖缺失", 100), SearchScope.all())).hits();
        assertThat(hits).filteredOn(h -> h.ticket().id().equals(closed)).extracting(h -> h.ticket().version() + " " + h.ticket().status())
                .containsExactly("2 CLOSED");
        assertThat(await(after.activity(ActivityQuery.eventsOf(closed, 10)))).extracting(r -> r.id())
                .containsExactlyInAnyOrder(closed + ":1", closed + ":2");
        assertThat(await(after.centerTally(period))).isEqualTo(await(before.centerTally(period)));
        assertThat(await(after.departmentTallies(period, longAgo.plusSeconds(86_400))))
                .isEqualTo(await(before.departmentTallies(period, longAgo.plusSeconds(86_400))));
        await(before.close());
        await(after.close());
    }

    /** Received, assigned, signed: only the first stream entry carried the snapshot. */
    private String commitHeatingTicket() {
        String id = "rb-" + run + "-heat";
        var received = ticket(id, DAY).text("供暖不热 重建", "暖气片冰凉").set("status", "RECEIVED");
        commit(id, 0, received.version(1), "TicketReceived");
        commit(id, 1, received.version(2).set("status", "ASSIGNED").department("D-HEAT"), "TicketAssigned");
        commit(id, 2, received.version(3).set("status", "SIGNED"), "TicketSigned");
        return id;
    }

    private String commitLampTicket() {
        String id = "rb-" + run + "-lamp";
        commit(id, 0, ticket(id, DAY).text("路灯不亮 重建", "小区路灯坏了").set("status", "RECEIVED"), "TicketReceived");
        return id;
    }

    private void commit(String id, long expected, TicketSnapshot next, String type) {
        commit(id, expected, next, type, true, "RECEIVED", DAY);
    }

    private void commit(String id, long expected, TicketSnapshot next, String type, boolean open, String status, Instant received) {
        boolean carries = TicketEventType.fromWire(type).map(TicketEventType::carriesSnapshot).orElse(true);
        var event = new StreamEvent(type, expected + 1, received.plusSeconds(expected * 60), "{\"type\":\"" + type + "\"}", carries);
        var indexes = new TicketIndexes(Set.of(), received.toEpochMilli(), "13800138000", open, status, Set.of());
        String number = "12345-20261102-" + id;
        await(store.commit(new TicketCommit(id, number, expected, new StoredTicket(id, number, expected + 1, next.json()),
                List.of(event), indexes)));
    }

    private SearchRebuild.Rebuilt rebuild(TicketSearch into) {
        var rebuild = new SearchRebuild(into, connection, new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER), 2);
        var context = vertx.getOrCreateContext();
        return await(context.<Void>executeBlocking(() -> null).compose(v -> rebuild.run(context)));
    }

    private TicketSearch lucene(String name) {
        return LuceneTicketSearch.open(vertx, dir.resolve(name), TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
    }

    private void assertRebuilt(TicketSearch search, String heating, String lamp) {
        var hits = await(search.search(TicketQuery.text("重建", 100), SearchScope.all())).hits();
        List<String> found = new ArrayList<>();
        // earlier tests' tickets are still in Redis and so in the rebuilt index: look at this run's only
        hits.stream().filter(h -> h.ticket().id().startsWith("rb-" + run))
                .forEach(h -> found.add(h.ticket().id() + "@" + h.ticket().version() + " " + h.ticket().status()));
        assertThat(found).containsExactlyInAnyOrder(heating + "@3 SIGNED", lamp + "@1 RECEIVED");
        assertThat(await(search.activity(ActivityQuery.eventsOf(heating, 10)))).extracting(r -> r.id() + " " + r.type())
                .containsExactlyInAnyOrder(heating + ":1 TicketReceived", heating + ":2 TicketAssigned", heating + ":3 TicketSigned");
        assertThat(await(search.activity(ActivityQuery.eventsOf(lamp, 10)))).extracting(r -> r.id())
                .containsExactly(lamp + ":1");
    }
}
