package org.hotline.search.bench;

import static org.hotline.search.TicketSnapshot.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.TicketDocument;

/**
 * Generated tickets of realistic Chinese complaint text (place + matter + two details, 40 lead
 * departments, 6 districts, clocks, 80 % replied and visited), read through the real
 * {@code ticket.v1} parser and the HanLP segmenter exactly as the indexer reads them. Ticket
 * {@code i} depends only on {@code i}, so batches can be generated on several threads.
 */
final class BenchTickets implements AutoCloseable {

    static final String[] PLACES = {"小区", "楼下", "路口", "菜市场", "学校门口", "公园", "地铁站", "商场", "工地", "医院附近"};
    static final String[] MATTERS = {"烧烤店油烟扰民", "夜间施工噪音", "路灯不亮", "下水道堵塞", "停水没有通知", "垃圾清运不及时",
        "占道经营", "共享单车乱停", "暖气不热", "电梯故障", "违章停车堵路", "拖欠工资", "医保报销咨询", "物业不作为", "广场舞噪音"};
    static final String[] DETAILS = {"已经持续一周", "多次反映没有解决", "影响居民休息", "老人孩子出行不便", "希望有关部门尽快处理",
        "存在安全隐患", "请派人现场查看", "周边商户也有意见"};
    static final String[] DISTRICTS = {"金水区", "二七区", "中原区", "管城区", "惠济区", "上街区"};
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ExecutorService pool;
    private final ArrayDeque<CompletableFuture<List<TicketDocument>>> ahead = new ArrayDeque<>();
    private final int total;
    private final int batch;
    private int next;

    /** Batches of {@code batch} tickets 0..total-1, generated {@code threads} batches ahead of the consumer. */
    BenchTickets(int total, int batch, int threads) {
        this.total = total;
        this.batch = batch;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "bench-tickets");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads + 1; i++) {
            schedule();
        }
    }

    /** The next batch in order, or an empty list when all were handed out. */
    List<TicketDocument> nextBatch() {
        var head = ahead.pollFirst();
        if (head == null) {
            return List.of();
        }
        schedule();
        return head.join();
    }

    private void schedule() {
        if (next >= total) {
            return;
        }
        int from = next;
        int to = Math.min(total, from + batch);
        next = to;
        ahead.addLast(CompletableFuture.supplyAsync(() -> {
            var docs = new ArrayList<TicketDocument>(to - from);
            for (int i = from; i < to; i++) {
                docs.add(generate(i, new Random(12345L + i)));
            }
            return docs;
        }, pool));
    }

    static TicketDocument generate(int i, Random random) {
        return snapshot("b" + i, random).document();
    }

    static TicketSnapshot snapshot(String id, Random random) {
        String place = PLACES[random.nextInt(PLACES.length)];
        String matter = MATTERS[random.nextInt(MATTERS.length)];
        Instant received = START.plus(Duration.ofMinutes(random.nextInt(330 * 24 * 60)));
        var s = ticket(id, received).text(place + matter, place + matter + "，" + DETAILS[random.nextInt(DETAILS.length)] + "，"
                        + DETAILS[random.nextInt(DETAILS.length)] + "。")
                .district(DISTRICTS[random.nextInt(DISTRICTS.length)], "街道" + random.nextInt(20))
                .department("D-" + random.nextInt(40)).phone("139" + String.format("%08d", random.nextInt(100_000_000)))
                .clock("SIGN", Duration.ofHours(24)).clock("CONTACT", Duration.ofHours(48)).clock("HANDLE", Duration.ofDays(7))
                .after("signedAt", Duration.ofHours(random.nextInt(30))).after("firstContactAt", Duration.ofHours(random.nextInt(60)));
        if (random.nextInt(10) < 8) {
            s.after("repliedAt", Duration.ofHours(random.nextInt(200))).reply("已派人处理，问题已解决")
                    .visit(random.nextBoolean() ? "RESOLVED" : "PARTLY_RESOLVED", random.nextInt(4) == 0 ? "BASICALLY_SATISFIED" : "SATISFIED");
        }
        return s;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
