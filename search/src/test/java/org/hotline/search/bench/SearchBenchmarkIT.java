package org.hotline.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.testsupport.RealElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk index rate, full-text + filter search p95 and monthly department report p95, on generated
 * tickets of realistic Chinese text. Off by default: {@code -Dhotline.bench.tickets=200000
 * -Dhotline.bench.backend=elastic|lucene}. Results go to docs/benchmarks/search.md.
 */
@EnabledIfSystemProperty(named = "hotline.bench.tickets", matches = "\\d+")
class SearchBenchmarkIT {

    static final String[] PLACES = {"小区", "楼下", "路口", "菜市场", "学校门口", "公园", "地铁站", "商场", "工地", "医院附近"};
    static final String[] MATTERS = {"烧烤店油烟扰民", "夜间施工噪音", "路灯不亮", "下水道堵塞", "停水没有通知", "垃圾清运不及时",
        "占道经营", "共享单车乱停", "暖气不热", "电梯故障", "违章停车堵路", "拖欠工资", "医保报销咨询", "物业不作为", "广场舞噪音"};
    static final String[] DETAILS = {"已经持续一周", "多次反映没有解决", "影响居民休息", "老人孩子出行不便", "希望有关部门尽快处理",
        "存在安全隐患", "请派人现场查看", "周边商户也有意见"};
    static final String[] DISTRICTS = {"金水区", "二七区", "中原区", "管城区", "惠济区", "上街区"};
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

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
        var random = new Random(12345);
        long started = System.nanoTime();
        int batch = 1000;
        for (int from = 0; from < tickets; from += batch) {
            var docs = new ArrayList<TicketDocument>(batch);
            for (int i = from; i < Math.min(tickets, from + batch); i++) {
                docs.add(generate(i, random));
            }
            await(search.index(docs));
        }
        await(search.refresh());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH load=%s backend=%s tickets=%d index_seconds=%.1f rate=%.0f/s%n", load(), backend, tickets, seconds, tickets / seconds);

        long[] searches = new long[300];
        for (int i = 0; i < searches.length; i++) {
            String words = MATTERS[random.nextInt(MATTERS.length)].substring(0, 4);
            var q = new TicketQuery(words, null, null, null, DISTRICTS[random.nextInt(DISTRICTS.length)], null, null, null, null, null,
                    START.plus(Duration.ofDays(random.nextInt(200))), null, null, null, null, null, 20, null);
            long t0 = System.nanoTime();
            var page = await(search.search(q, SearchScope.all()));
            searches[i] = System.nanoTime() - t0;
            assertThat(page.total()).isGreaterThanOrEqualTo(0);
        }
        long[] reports = new long[50];
        for (int i = 0; i < reports.length; i++) {
            Instant month = START.plus(Duration.ofDays(30L * (i % 10)));
            long t0 = System.nanoTime();
            var tallies = await(search.departmentTallies(new Period(month, month.plus(Duration.ofDays(30))), month.plus(Duration.ofDays(45))));
            reports[i] = System.nanoTime() - t0;
            assertThat(tallies).isNotEmpty();
        }
        System.out.printf("BENCH load=%s backend=%s tickets=%d search_p50_ms=%.1f search_p95_ms=%.1f report_p50_ms=%.1f report_p95_ms=%.1f%n",
                load(), backend, tickets, pct(searches, 50), pct(searches, 95), pct(reports, 50), pct(reports, 95));
        await(search.close());
        await(vertx.close());
    }

    private static ElasticTicketSearch elastic(Vertx vertx) {
        var defaults = SearchConfig.defaults(Path.of("target"));
        // a shared, loaded machine: give a bulk of 1,000 tickets a minute rather than the default 10 s
        var config = new SearchConfig(List.of(RealElasticsearch.shared().url()), "bench" + ProcessHandle.current().pid(),
                defaults.dataDir(), defaults.zone(), Duration.ofSeconds(60), defaults.basicallySatisfiedWeight(),
                defaults.consumerGroup(), defaults.consumerName(), defaults.indexerBatch(), defaults.indexerIdle());
        var search = new ElasticTicketSearch(vertx, config, TicketSnapshot.SEGMENTER);
        await(search.start());
        return search;
    }

    static TicketDocument generate(int i, Random random) {
        String place = PLACES[random.nextInt(PLACES.length)];
        String matter = MATTERS[random.nextInt(MATTERS.length)];
        Instant received = START.plus(Duration.ofMinutes(random.nextInt(330 * 24 * 60)));
        var s = ticket("b" + i, received).text(place + matter, place + matter + "，" + DETAILS[random.nextInt(DETAILS.length)] + "，"
                        + DETAILS[random.nextInt(DETAILS.length)] + "。")
                .district(DISTRICTS[random.nextInt(DISTRICTS.length)], "街道" + random.nextInt(20))
                .department("D-" + random.nextInt(40)).phone("139" + String.format("%08d", random.nextInt(100_000_000)))
                .clock("SIGN", Duration.ofHours(24)).clock("CONTACT", Duration.ofHours(48)).clock("HANDLE", Duration.ofDays(7))
                .after("signedAt", Duration.ofHours(random.nextInt(30))).after("firstContactAt", Duration.ofHours(random.nextInt(60)));
        if (random.nextInt(10) < 8) {
            s.after("repliedAt", Duration.ofHours(random.nextInt(200))).reply("已派人处理，问题已解决")
                    .visit(random.nextBoolean() ? "RESOLVED" : "PARTLY_RESOLVED", random.nextInt(4) == 0 ? "BASICALLY_SATISFIED" : "SATISFIED");
        }
        return s.document();
    }

    private static String load() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
