package org.hotline.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.index.StreamEntries;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing lag: ticket changes written to the real Redis stream at a fixed rate, lag = time from
 * XADD until the indexer reported the batch indexed (on Lucene a batch is searchable at that point).
 * Off by default: {@code -Dhotline.bench.rate=200 -Dhotline.bench.seconds=20}.
 */
@EnabledIfSystemProperty(named = "hotline.bench.rate", matches = "\\d+")
class IndexingLagIT {

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        int rate = Integer.getInteger("hotline.bench.rate");
        int seconds = Integer.getInteger("hotline.bench.seconds", 20);
        int total = rate * seconds;
        Vertx vertx = Vertx.vertx();
        var client = RedisClient.create(RealRedis.shared().uri());
        var writer = client.connect();
        writer.sync().del(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, StreamEntries.HISTORY_IMPORT);
        var search = LuceneTicketSearch.open(vertx, dir, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
        var config = new SearchConfig(List.of(), "lag", dir, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(30), 0.8,
                "lag", "lag-1", 500, Duration.ofMillis(100));
        await(vertx.deployVerticle(new StreamIndexer(search, client.connect(),
                new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER), config)));

        var written = new ArrayDeque<Long>();
        long[] lags = new long[total];
        var done = new AtomicInteger();
        Promise<Void> all = Promise.promise();
        vertx.eventBus().<Integer>consumer(StreamIndexer.INDEXED_ADDRESS, m -> {
            long now = System.nanoTime();
            synchronized (written) {
                for (int i = 0; i < m.body(); i++) {
                    lags[done.getAndIncrement()] = now - written.removeFirst();
                }
            }
            if (done.get() >= total) {
                all.tryComplete();
            }
        });
        var random = new Random(7);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // parks, never spins: a busy writer would steal the indexer's CPU on a 2-core machine
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            var doc = SearchBenchmarkIT.generate(i % 2000, random);
            String json = TicketSnapshot.ticket(doc.id(), doc.at().received()).text(doc.title(), doc.content()).version(1 + i / 2000).json();
            synchronized (written) {
                written.addLast(System.nanoTime());
            }
            writer.async().xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", doc.id(), "number", doc.number(),
                    "version", Long.toString(1 + i / 2000), "type", "TicketUpdated", "at", doc.at().received().toString(),
                    "event", "{}", "ticket", json));
        }
        all.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        Arrays.sort(lags);
        System.out.printf("BENCH load=%.1f lag rate=%d/s changes=%d p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f max_ms=%.0f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rate, total,
                lags[total / 2] / 1e6, lags[(int) (total * 0.95)] / 1e6, lags[(int) (total * 0.99)] / 1e6, lags[total - 1] / 1e6);
        assertThat(done.get()).isEqualTo(total);
        await(vertx.close());
        writer.close();
        client.shutdown();
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
