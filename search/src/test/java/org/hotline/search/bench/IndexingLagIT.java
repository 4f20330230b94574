package org.hotline.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.bench.SearchBenchmarkIT.await;

import io.lettuce.core.RedisClient;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.index.StreamEntries;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.TicketSearch;
import org.hotline.testsupport.RealElasticsearch;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing lag: ticket changes (2,000 tickets changed over and over, each change a new version) written
 * to the real Redis stream at a fixed rate and indexed by the real {@link StreamIndexer}. "Indexed" =
 * from XADD until the indexer reported the batch written (on Lucene searchable at that point); on
 * Elasticsearch also "visible" = from XADD until a search sees the change (after the index's
 * 1 s refresh), sampled every 50 ms. Off by default: {@code -Dhotline.bench.rate=1000
 * -Dhotline.bench.seconds=20 [-Dhotline.bench.backend=elastic [-Dhotline.bench.prefix=P]] [-Dhotline.bench.lean=true]}
 * (lean: every change after a ticket's first is a lean entry, its snapshot in the ticket hash); with
 * the prefix of a loaded SearchBenchmarkIT run the changes land in the 1,000,000-ticket indices.
 */
@EnabledIfSystemProperty(named = "hotline.bench.rate", matches = "\\d+")
class IndexingLagIT {

    private static final int TICKETS = 2000;

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        int rate = Integer.getInteger("hotline.bench.rate");
        int total = rate * Integer.getInteger("hotline.bench.seconds", 20);
        String backend = System.getProperty("hotline.bench.backend", "lucene");
        boolean lean = Boolean.getBoolean("hotline.bench.lean");
        String run = "lag" + ProcessHandle.current().pid() + "-";
        String prefix = System.getProperty("hotline.bench.prefix", "lag" + ProcessHandle.current().pid());
        Vertx vertx = Vertx.vertx();
        var client = RedisClient.create(RealRedis.shared().uri());
        // the writer stands for other processes: its own client, so its pipelined XADDs do not
        // share I/O threads with the indexer's reads and acknowledgements
        var writerClient = RedisClient.create(RealRedis.shared().uri());
        var writer = writerClient.connect();
        writer.sync().del(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, StreamEntries.HISTORY_IMPORT);
        var config = new SearchConfig(List.of(), prefix, dir, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(30), 0.8,
                "lag", "lag-1", 500, Duration.ofMillis(100));
        TicketSearch search = backend.equals("lucene")
                ? LuceneTicketSearch.open(vertx, dir, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"))
                : new ElasticTicketSearch(vertx, config.withElasticsearch(List.of(RealElasticsearch.shared().url()), prefix), TicketSnapshot.SEGMENTER);
        if (search instanceof ElasticTicketSearch e) {
            await(e.start());
        }
        await(vertx.deployVerticle(new StreamIndexer(search, client.connect(),
                new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER), config)));

        String[] snapshots = new String[total];
        for (int i = 0; i < total; i++) {
            // seeded by the ticket: its receipt time, hence its monthly index, is the same in every version
            snapshots[i] = BenchTickets.snapshot(run + (i % TICKETS), new Random(i % TICKETS)).version(1 + i / TICKETS).json();
        }
        // HanLP loads its dictionaries on first use (seconds on a loaded machine): not part of the lag
        for (int i = 0; i < Math.min(total, 2000); i++) {
            TicketSnapshot.SNAPSHOTS.parse(snapshots[i]);
        }
        var writtenAt = new AtomicLongArray(total);
        long[] indexed = new long[total];
        var done = new AtomicInteger();
        Promise<Void> all = Promise.promise();
        vertx.eventBus().<Integer>consumer(StreamIndexer.INDEXED_ADDRESS, m -> {
            long now = System.nanoTime();
            for (int i = 0; i < m.body(); i++) {
                int change = done.getAndIncrement();
                indexed[change] = now - writtenAt.get(change);
            }
            if (done.get() >= total) {
                all.tryComplete();
            }
        });
        var visibility = backend.equals("lucene") ? null : new Visibility(RealElasticsearch.shared().url(), prefix, run, writtenAt);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                // parks, never spins: a busy writer would steal the indexer's CPU on a 2-core machine
                LockSupport.parkNanos(wait);
            }
            writtenAt.set(i, System.nanoTime());
            Map<String, String> entry = new java.util.HashMap<>(Map.of("ticketId", run + (i % TICKETS), "number", "n" + i,
                    "version", Long.toString(1 + i / TICKETS), "type", "TicketUpdated", "at", BenchTickets.START.toString(),
                    "event", "{}", "ticket", snapshots[i]));
            if (lean && i >= TICKETS) {
                // as core's commit writes a lean entry: the snapshot in the ticket hash, the entry without it
                writer.async().hset(RedisTicketKeys.defaults().ticket(run + (i % TICKETS)), "s", entry.remove("ticket"));
            }
            writer.async().xadd(RedisKeys.TICKET_EVENTS, entry);
        }
        long written = System.nanoTime();
        all.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        long allIndexed = System.nanoTime();
        long cpu = cpuNanos() - cpuStart;
        System.out.printf("BENCH indexing cpu_ms_per_event=%.3f events=%d lean=%s (process CPU: indexer, writer, Redis client)%n",
                cpu / 1e6 / total, total, lean);
        String visible = visibility == null ? "" : visibility.awaitAll(total, start);
        System.out.printf("BENCH lag timeline written_s=%.1f all_indexed_s=%.1f%n", (written - start) / 1e9, (allIndexed - start) / 1e9);
        // the first fields keep the format scripts/benchmarks-report.py reads
        System.out.printf("BENCH load=%s lag rate=%d/s changes=%d %s backend=%s%s%n", SearchBenchmarkIT.load(),
                rate, total, percentiles(indexed), backend, visible);
        assertThat(done.get()).isEqualTo(total);
        await(vertx.close());
        writer.close();
        writerClient.shutdown();
        client.shutdown();
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f max_ms=%.0f",
                sorted[n / 2] / 1e6, sorted[(int) (n * 0.95)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
    }

    /**
     * Polls Elasticsearch for the sum of the run's ticket versions: change {@code i} is ticket
     * {@code i % 2000} at version {@code 1 + i / 2000}, and the indexer writes them in stream order, so
     * the sum is the number of changes a search can see.
     */
    private static final class Visibility {

        private final HttpClient http = HttpClient.newHttpClient();
        private final HttpRequest request;
        private final long[] visibleAt;
        private final AtomicLongArray writtenAt;
        private final Thread poller;
        private volatile int seen;
        private volatile long allVisible;

        Visibility(String url, String prefix, String run, AtomicLongArray writtenAt) {
            this.writtenAt = writtenAt;
            this.visibleAt = new long[writtenAt.length()];
            this.request = HttpRequest.newBuilder(URI.create(url + "/" + prefix + "-tickets/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"size\":0,\"query\":{\"prefix\":{\"id\":\"" + run + "\"}},\"aggs\":{\"v\":{\"sum\":{\"field\":\"version\"}}}}"))
                    .build();
            this.poller = new Thread(this::poll, "lag-visibility");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll() {
            while (seen < visibleAt.length) {
                try {
                    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    long now = System.nanoTime();
                    int visible = (int) Math.min(visibleAt.length, TicketSnapshot.MAPPER.readTree(body).at("/aggregations/v/value").asDouble());
                    for (int i = seen; i < visible; i++) {
                        visibleAt[i] = now - writtenAt.get(i);
                    }
                    seen = Math.max(seen, visible);
                    if (seen >= visibleAt.length) {
                        allVisible = now;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }

        String awaitAll(int total, long start) throws InterruptedException {
            poller.join(Duration.ofMinutes(2).toMillis());
            assertThat(seen).as("changes visible to searches").isEqualTo(total);
            return " visible_" + percentiles(visibleAt) + String.format(" all_visible_s=%.1f", (allVisible - start) / 1e9);
        }
    }
}
