package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;
import static org.hotline.search.index.IndexerHarness.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries a dead node's indexer read but never acknowledged are taken over by a live one (real Redis). */
class StreamIndexerClaimIT {

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
        assertThat(sync.xpending(RedisKeys.TICKET_EVENTS, config.consumerGroup()).getCount()).isZero();
    }
}
