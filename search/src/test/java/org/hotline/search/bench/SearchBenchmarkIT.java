package org.hotline.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.bench.BenchTickets.DISTRICTS;
import static org.hotline.search.bench.BenchTickets.MATTERS;
import static org.hotline.search.bench.BenchTickets.START;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.index.BulkLoading;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.IndexOutcome;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.testsupport.RealElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk (re)index rate, full-text + filter search p95 and monthly department report p95, on generated
 * tickets of realistic Chinese text. Off by default. Properties:
 * {@code hotline.bench.tickets} (count), {@code hotline.bench.backend} (elastic | lucene),
 * {@code hotline.bench.batch} (tickets per index call, 2000), {@code hotline.bench.concurrency}
 * (index calls in flight, 2), {@code hotline.bench.prefix} (Elasticsearch index prefix, default
 * bench + pid; name an existing one with {@code hotline.bench.load=false} to only measure queries).
 * Loading goes through the port like the rebuild does: bulk-load mode on Elasticsearch, tickets
 * generated and segmented on other threads while earlier batches are indexed.
 * Results go to docs/benchmarks/search.md.
 */
@EnabledIfSystemProperty(named = "hotline.bench.tickets", matches = "\\d+")
class SearchBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void measure() {
        int tickets = Integer.getInteger("hotline.bench.tickets");
        String backend = System.getProperty("hotline.bench.backend", "elastic");
        Vertx vertx = Vertx.vertx();
        TicketSearch search = backend.equals("lucene")
                ? LuceneTicketSearch.open(vertx, dir, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"))
                : elastic(vertx);
        if (Boolean.parseBoolean(System.getProperty("hotline.bench.load", "true"))) {
            load(search, backend, tickets);
        }
        var random = new Random(12345);
        measureSearches(search, random, 20);
        long[] searches = measureSearches(search, random, 300);
        measureReports(search, 5);
        long[] reports = measureReports(search, 50);
        System.out.printf("BENCH load=%s backend=%s tickets=%d search_p50_ms=%.1f search_p95_ms=%.1f report_p50_ms=%.1f report_p95_ms=%.1f%n",
                load(), backend, tickets, pct(searches, 50), pct(searches, 95), pct(reports, 50), pct(reports, 95));
        await(search.close());
        await(vertx.close());
    }

    private static void load(TicketSearch search, String backend, int tickets) {
        int batch = Integer.getInteger("hotline.bench.batch", 2000);
        int concurrency = Integer.getInteger("hotline.bench.concurrency", 2);
        int threads = Integer.getInteger("hotline.bench.threads", Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        if (search instanceof BulkLoading b) {
            await(b.beginBulkLoad());
        }
        var inFlight = new ArrayDeque<Future<IndexOutcome>>();
        long indexed = 0;
        try (var generated = new BenchTickets(tickets, batch, threads)) {
            for (var docs = generated.nextBatch(); !docs.isEmpty(); docs = generated.nextBatch()) {
                if (inFlight.size() >= concurrency) {
                    indexed += await(inFlight.removeFirst()).indexed();
                }
                inFlight.addLast(search.index(docs));
            }
        }
        while (!inFlight.isEmpty()) {
            indexed += await(inFlight.removeFirst()).indexed();
        }
        await(search instanceof BulkLoading b ? b.endBulkLoad() : search.refresh());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH load=%s backend=%s tickets=%d index_seconds=%.1f rate=%.0f/s batch=%d concurrency=%d%n",
                load(), backend, tickets, seconds, tickets / seconds, batch, concurrency);
        assertThat(indexed).isEqualTo(tickets);
    }

    private static long[] measureSearches(TicketSearch search, Random random, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String words = MATTERS[random.nextInt(MATTERS.length)].substring(0, 4);
            var q = new TicketQuery(words, null, null, null, DISTRICTS[random.nextInt(DISTRICTS.length)], null, null, null, null, null,
                    START.plus(Duration.ofDays(random.nextInt(200))), null, null, null, null, null, 20, null);
            long t0 = System.nanoTime();
            var page = await(search.search(q, SearchScope.all()));
            nanos[i] = System.nanoTime() - t0;
            assertThat(page.total()).isGreaterThan(0);
        }
        return nanos;
    }

    private static long[] measureReports(TicketSearch search, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Instant month = START.plus(Duration.ofDays(30L * (i % 10)));
            long t0 = System.nanoTime();
            var tallies = await(search.departmentTallies(new Period(month, month.plus(Duration.ofDays(30))), month.plus(Duration.ofDays(45))));
            nanos[i] = System.nanoTime() - t0;
            assertThat(tallies).isNotEmpty();
        }
        return nanos;
    }

    private static ElasticTicketSearch elastic(Vertx vertx) {
        String prefix = System.getProperty("hotline.bench.prefix", "bench" + ProcessHandle.current().pid());
        // a shared, loaded machine: give a bulk request a minute rather than the default 10 s
        var config = SearchConfig.defaults(Path.of("target")).withElasticsearch(List.of(RealElasticsearch.shared().url()), prefix);
        config = new SearchConfig(config.elasticsearchUrls(), prefix, config.dataDir(), config.zone(), Duration.ofSeconds(60),
                config.basicallySatisfiedWeight(), config.consumerGroup(), config.consumerName(), config.indexerBatch(), config.indexerIdle());
        var search = new ElasticTicketSearch(vertx, config, TicketSnapshot.SEGMENTER);
        await(search.start());
        return search;
    }

    static String load() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
