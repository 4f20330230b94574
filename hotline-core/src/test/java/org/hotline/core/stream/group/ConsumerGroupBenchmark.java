package org.hotline.core.stream.group;

import static org.hotline.core.stream.bench.StreamConsumerBench.arg;
import static org.hotline.core.stream.bench.StreamConsumerBench.load;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.testsupport.RealRedis;

/**
 * Throughput and lag of the consumer-group mechanism itself, on a real Redis: {@code groups} ticket-event
 * groups on one node (one Vert.x instance, one shared connection, as the server runs dispatch's and the
 * linkage's groups), each reading every entry typed ({@link TicketEventEntry}: type, version, time, event
 * JSON and the ticket snapshot read into {@code TicketV1}) and acknowledging it per batch. Handlers do
 * no work of their own, so this is the ceiling the mechanism puts on every consumer.
 *
 * <p>Phase 1 (backlog): {@code backlog} entries are written first, then all groups drain them; events/s per
 * group. Phase 2 (steady): entries written at {@code rate}/s for {@code seconds} while the groups run;
 * lag = handler time minus the time Redis appended the entry (p50/p99/max over every group's entries).
 * Run: {@code java -cp <hotline-core test classpath> org.hotline.core.stream.group.ConsumerGroupBenchmark
 * [backlog=100000] [groups=5] [rate=5000] [seconds=20]} (scripts/benchmarks step {@code stream}).
 */
public final class ConsumerGroupBenchmark {

    private static final String SNAPSHOT = "{\"schema\":\"ticket.v1\",\"id\":\"%s\",\"number\":\"12345-20261207-%06d\","
            + "\"queryCode\":\"Q8K2M4\",\"version\":1,\"status\":\"RECEIVED\",\"channel\":\"WEB\",\"appealType\":\"COMPLAINT\","
            + "\"urgency\":\"NORMAL\",\"title\":\"小区楼下饭店油烟直排\",\"content\":\"东城区幸福路12号楼下饭店每天中午和晚上油烟直排进住宅楼，"
            + "窗户都不敢开，多次与店家沟通无果，请环保部门尽快查处。\",\"caller\":{\"name\":\"张先生\",\"phone\":\"13800001234\","
            + "\"confidential\":false,\"anonymous\":false},\"location\":{\"district\":\"d.dongcheng\",\"street\":\"s.xingfu\","
            + "\"community\":\"c.12\",\"address\":\"幸福路12号\",\"lat\":34.75,\"lon\":113.62},\"category\":null,\"leadDepartment\":null,"
            + "\"assistingDepartments\":[],\"receivedAt\":\"2026-12-07T10:00:00Z\",\"signedAt\":null,\"firstContactAt\":null,"
            + "\"repliedAt\":null,\"closedAt\":null,\"clocks\":{\"accept\":{\"startedAt\":\"2026-12-07T10:00:00Z\","
            + "\"dueAt\":\"2026-12-07T12:00:00Z\",\"yellowAt\":\"2026-12-07T11:30:00Z\",\"stoppedAt\":null,\"paused\":false,"
            + "\"limit\":\"2h\",\"marks\":[{\"kind\":\"START\",\"at\":\"2026-12-07T10:00:00Z\",\"extension\":null}]}},"
            + "\"reply\":null,\"visit\":null,\"returnCount\":0,\"extensionCount\":0,\"urgeCount\":0,\"reopenCount\":0,"
            + "\"masterTicketId\":null,\"callIds\":[],\"tags\":[]}";
    private static final String EVENT = "{\"schema\":\"event.v1\",\"type\":\"TicketReceived\",\"actor\":{\"userId\":\"citizen\","
            + "\"role\":\"CITIZEN\",\"departmentId\":null,\"displayName\":\"市民\"},\"at\":\"2026-12-07T10:00:00Z\",\"reason\":null,"
            + "\"channel\":\"WEB\",\"appealType\":\"COMPLAINT\",\"urgency\":\"NORMAL\"}";

    private ConsumerGroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = arg(args, "backlog", 100_000);
        int groups = arg(args, "groups", 5);
        int rate = arg(args, "rate", 5000);
        int seconds = arg(args, "seconds", 20);
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults());
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> writer = client.connect();
        StatefulRedisConnection<String, String> shared = client.connect();
        Vertx vertx = Vertx.vertx();
        try {
            writer.sync().del(RedisKeys.TICKET_EVENTS);
            long t0 = System.nanoTime();
            write(writer.async(), 0, backlog);
            System.out.printf("BENCH stream wrote backlog=%d in %.1f s%n", backlog, (System.nanoTime() - t0) / 1e9);

            AtomicInteger[] seen = new AtomicInteger[groups];
            long[] done = new long[groups];
            CountDownLatch drained = new CountDownLatch(groups);
            long start = System.nanoTime();
            for (int g = 0; g < groups; g++) {
                int index = g;
                seen[g] = new AtomicInteger();
                BatchHandler<TicketEventEntry> handler = batch -> {
                    if (seen[index].addAndGet(batch.size()) == backlog) {
                        done[index] = System.nanoTime();
                        drained.countDown();
                    }
                    return Future.succeededFuture(Handled.all());
                };
                await(vertx.deployVerticle(TicketEventEntry.consumerGroup(shared.async(),
                        GroupSettings.of("bench-" + g, "node-1", RedisKeys.TICKET_EVENTS, true).idle(Duration.ofMillis(50)), handler)));
            }
            if (!drained.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("backlog not drained in 600 s");
            }
            double slowest = Arrays.stream(done).mapToDouble(d -> (d - start) / 1e9).max().orElseThrow();
            System.out.printf("BENCH stream backlog groups=%d entries=%d each: slowest group %.1f s = %d events/s per group, "
                    + "%d events/s over all groups (load %s)%n", groups, backlog, slowest, Math.round(backlog / slowest),
                    Math.round(groups * backlog / slowest), load());

            steady(vertx, writer, shared, groups, rate, seconds, backlog);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            writer.close();
            shared.close();
            client.shutdown();
            redis.stop();
        }
    }

    private static void steady(Vertx vertx, StatefulRedisConnection<String, String> writer,
                               StatefulRedisConnection<String, String> shared, int groups, int rate, int seconds, int offset)
            throws Exception {
        int total = rate * seconds;
        long[] lags = new long[total * groups];
        AtomicInteger recorded = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        for (int g = 0; g < groups; g++) {
            BatchHandler<TicketEventEntry> handler = batch -> {
                long now = System.currentTimeMillis();
                for (TicketEventEntry entry : batch) {
                    int i = recorded.getAndIncrement();
                    lags[i] = now - Long.parseLong(entry.id().substring(0, entry.id().indexOf('-')));
                    if (i == lags.length - 1) {
                        all.countDown();
                    }
                }
                return Future.succeededFuture(Handled.all());
            };
            // new groups at "$": only the steady phase's entries
            await(vertx.deployVerticle(TicketEventEntry.consumerGroup(shared.async(),
                    GroupSettings.of("steady-" + g, "node-1", RedisKeys.TICKET_EVENTS, false).idle(Duration.ofMillis(50)), handler)));
        }
        long periodNanos = 10_000_000L; // write in 10 ms slices at the rate
        int perSlice = Math.max(1, rate / 100);
        long next = System.nanoTime();
        for (int written = 0; written < total; written += perSlice) {
            LockSupport.parkNanos(next - System.nanoTime());
            write(writer.async(), offset + written, Math.min(perSlice, total - written));
            next += periodNanos;
        }
        if (!all.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("steady entries not all handled: " + recorded.get() + " of " + lags.length);
        }
        Arrays.sort(lags);
        System.out.printf("BENCH stream steady groups=%d rate=%d/s seconds=%d entries=%d lag p50_ms=%d p99_ms=%d max_ms=%d (load %s)%n",
                groups, rate, seconds, lags.length, lags[lags.length / 2], lags[(int) (lags.length * 0.99)], lags[lags.length - 1], load());
    }

    private static void write(RedisAsyncCommands<String, String> redis, int from, int count) throws Exception {
        List<RedisFuture<String>> pending = new ArrayList<>(count);
        String at = Instant.now().toString();
        for (int i = from; i < from + count; i++) {
            String id = "t-" + i;
            pending.add(redis.xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", id, "number", "12345-20261207-" + i,
                    "version", "1", "type", "TicketReceived", "at", at, "event", EVENT, "ticket", String.format(SNAPSHOT, id, i))));
        }
        for (RedisFuture<String> f : pending) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
