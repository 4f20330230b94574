package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;
import static org.hotline.search.index.IndexerHarness.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.lucene.LuceneCommitPolicy;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries an indexer read but never acknowledged are indexed again: a dead node's by a live one, and its
 * own after a crash before the embedded index committed them (real Redis, real Lucene).
 */
class StreamIndexerClaimIT {

    static final int TICKETS = 20;

    static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");
    final Vertx vertx = Vertx.vertx();
    IndexerHarness harness;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        await(vertx.close());
        harness.close();
    }

    @Test
    void entriesADeadIndexerReadButNeverAcknowledgedAreIndexedByASurvivor() {
        harness = new IndexerHarness(vertx, "claim");
        var config = harness.config(dir);
        var sync = harness.writer.sync();
        sync.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "0"), config.consumerGroup(),
                XGroupCreateArgs.Builder.mkstream());
        harness.event(ticket("dead1", DAY).text("楼道堆放杂物", "消防通道被堵").version(1), "TicketReceived");
        harness.event(ticket("dead2", DAY).text("路灯不亮", "路灯坏了一个月").version(1), "TicketReceived");
        // a node killed right after reading: the entries sit in its pending list, never acknowledged
        assertThat(sync.xreadgroup(Consumer.from(config.consumerGroup(), "search-dead-node"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS))).hasSize(2);

        TicketSearch search = LuceneTicketSearch.open(vertx, dir.resolve("index"), TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
        var entries = new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER);
        await(vertx.deployVerticle(new StreamIndexer(search, harness.client.connect(), entries, config, Duration.ofMillis(500))));

        harness.awaitIndexed(2);
        await(search.refresh());
        assertThat(await(search.search(TicketQuery.text("路灯", 10), SearchScope.all())).hits())
                .extracting(h -> h.ticket().id()).containsExactly("dead2");
        harness.awaitNothingPending(config.consumerGroup());
    }

    @Test
    void anIndexerKilledBeforeItsCommitReplaysTheStreamAndLosesNothing() {
        harness = new IndexerHarness(vertx, "crash");
        Path live = dir.resolve("live");
        TicketSearch uncommitted = LuceneTicketSearch.open(vertx, live, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"),
                new LuceneCommitPolicy(Duration.ofHours(1), 1_000_000));
        String indexer = harness.deploy(uncommitted, harness.config(live));
        writeTwoVersionsOfEachTicket();
        harness.awaitIndexed(2 * TICKETS);
        await(uncommitted.refresh());
        assertThat(await(uncommitted.search(TicketQuery.text("路灯", 50), SearchScope.all())).total())
                .as("searchable before any commit").isEqualTo(TICKETS);
        assertThat(harness.writer.sync().xpending(RedisKeys.TICKET_EVENTS, "search-crash").getCount())
                .as("nothing acknowledged before the commit").isEqualTo(2 * TICKETS);

        // the crash: the indexer stops and the disk stays as it is, without the commit a clean close makes
        await(vertx.undeploy(indexer));
        Path crashed = copyWithoutLock(live, dir.resolve("crashed"));
        TicketSearch restarted = LuceneTicketSearch.open(vertx, crashed, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
        assertThat(await(restarted.search(TicketQuery.text("路灯", 50), SearchScope.all())).total())
                .as("the index on disk lost the uncommitted writes").isZero();

        harness.deploy(restarted, harness.config(crashed));
        harness.awaitIndexed(4 * TICKETS);
        harness.awaitNothingPending("search-crash");
        await(restarted.refresh());
        var page = await(restarted.search(TicketQuery.text("路灯", 50), SearchScope.all()));
        assertThat(page.total()).isEqualTo(TICKETS);
        assertThat(page.hits()).allSatisfy(h -> assertThat(h.ticket().status()).isEqualTo("SIGNED"));
        assertThat(await(restarted.activity(ActivityQuery.eventsOf("c7", 10)))).extracting(r -> r.id())
                .containsExactlyInAnyOrder("c7:1", "c7:2");
    }

    private void writeTwoVersionsOfEachTicket() {
        for (int i = 0; i < TICKETS; i++) {
            harness.event(ticket("c" + i, DAY).text("路灯不亮 " + i + "号", "路灯坏了").version(1).set("status", "RECEIVED"), "TicketReceived");
        }
        for (int i = 0; i < TICKETS; i++) {
            harness.event(ticket("c" + i, DAY).text("路灯不亮 " + i + "号", "路灯坏了").version(2).set("status", "SIGNED"), "TicketSigned");
        }
    }

    /** The files of the index (and its activity subdirectory) as a crashed process leaves them, minus its lock. */
    private static Path copyWithoutLock(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!f.getFileName().toString().equals("write.lock")) {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
