package org.hotline.core.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketIndexes;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Transitions per second at full speed, and latency at a fixed 2,000/s, through RedisTicketStore on
 * a private real Redis with AOF (everysec, then always for comparison). A benchmark, not a test:
 * it asserts nothing and is excluded from normal runs (name and tag). Run with
 * {@code ./mvnw -o -B -pl hotline-core test -Dtest=RedisTicketStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the report on stdout and in target/benchmarks/core-store.txt.
 */
@Tag("benchmark")
public class RedisTicketStoreBenchmark {

    private static final int TICKETS = 10_240;
    private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 64);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration FULL_SPEED = Duration.ofSeconds(Long.getLong("bench.fullSpeedSeconds", 10));
    private static final Duration FIXED_RATE = Duration.ofSeconds(Long.getLong("bench.fixedRateSeconds", 20));
    private static final int RATE_PER_SECOND = 2_000;
    private static final boolean STEADY = "steady".equals(System.getProperty("bench.shape", "moving"));
    // Transitions start only on a tick but are timed from their evenly spread due moments, so up to
    // one tick of the driver's own pacing is counted as latency: keep the tick short.
    private static final int TICK_MS = Integer.getInteger("bench.tickMs", 1);
    private static final String CONTENT = "市民反映某某区某某街道某某小区东门附近路灯连续多日不亮，夜间出行存在安全隐患，希望有关部门尽快维修。".repeat(6);

    private final List<String> report = new ArrayList<>();

    /** Also runnable without Maven: {@code java -cp <test classpath> org.hotline.core.redis.RedisTicketStoreBenchmark}. */
    public static void main(String[] args) throws IOException {
        new RedisTicketStoreBenchmark().transitionsThroughTheStore();
        System.exit(0);
    }

    @Test
    void transitionsThroughTheStore() throws IOException {
        report.add("shape " + (STEADY ? "steady" : "moving") + ", date " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (String mode : System.getProperty("bench.appendfsync", "everysec,always").split(",")) {
            measure(AppendFsync.parse(mode));
        }
        Path out = Path.of("target", "benchmarks", "core-store.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private void measure(AppendFsync fsync) {
        RealRedis server = RealRedis.startNew(RealRedis.Options.defaults().with("appendfsync", fsync.redisValue()));
        Vertx vertx = Vertx.vertx();
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(server.uri()));
        try {
            RedisTicketStore store = Await.result(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
            Context context = vertx.getOrCreateContext();
            RedisCosts costs = new RedisCosts(Await.result(connector.connect()).sync());
            StoredTicket[] tickets = onContextAwait(context, () -> createTickets(store));
            onContextAwait(context, () -> fullSpeed(store, tickets, WARM_UP));
            costs.reset();
            long done = onContextAwait(context, () -> fullSpeed(store, tickets, FULL_SPEED));
            report.add(String.format("appendfsync %-8s full speed (%d in flight, %d s): %,d transitions/s; %s",
                    fsync.redisValue(), IN_FLIGHT, FULL_SPEED.toSeconds(), done / FULL_SPEED.toSeconds(), costs.per(done)));
            costs.reset();
            long[] latencies = onContextAwait(context, () -> fixedRate(vertx, store, tickets));
            report.add(String.format("appendfsync %-8s fixed %,d/s for %d s: %s; %s", fsync.redisValue(), RATE_PER_SECOND,
                    FIXED_RATE.toSeconds(), percentiles(latencies), costs.per(latencies.length)));
        } finally {
            Await.result(connector.close());
            Await.result(vertx.close());
            server.stop();
        }
    }

    private static <T> T onContextAwait(Context context, java.util.function.Supplier<Future<T>> work) {
        return Await.resultWithin(onContext(context, work), Duration.ofMinutes(2));
    }

    private static <T> Future<T> onContext(Context context, java.util.function.Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> work.get().onComplete(promise));
        return promise.future();
    }

    /** Creates the tickets IN_FLIGHT at a time: issuing all at once would only measure queueing. */
    private static Future<StoredTicket[]> createTickets(RedisTicketStore store) {
        StoredTicket[] tickets = new StoredTicket[TICKETS];
        List<Future<Void>> chains = new ArrayList<>();
        for (int slot = 0; slot < IN_FLIGHT; slot++) {
            chains.add(createFrom(store, tickets, slot));
        }
        return Future.all(chains).map(ignored -> tickets);
    }

    private static Future<Void> createFrom(RedisTicketStore store, StoredTicket[] tickets, int index) {
        if (index >= tickets.length) {
            return Future.succeededFuture();
        }
        String id = Commits.newId();
        return store.create(commit(id, "12345-20261122-" + id.substring(2, 10), 0, "TicketReceived"), null)
                .compose(created -> {
                    tickets[index] = created;
                    return createFrom(store, tickets, index + IN_FLIGHT);
                });
    }

    /** IN_FLIGHT chains, each committing the next transition of its own tickets as soon as the last returns. */
    private static Future<Long> fullSpeed(RedisTicketStore store, StoredTicket[] tickets, Duration length) {
        long end = System.nanoTime() + length.toNanos();
        AtomicLong done = new AtomicLong();
        List<Future<Void>> chains = new ArrayList<>();
        for (int chain = 0; chain < IN_FLIGHT; chain++) {
            chains.add(chain(store, tickets, chain, end, done));
        }
        return Future.all(chains).map(ignored -> done.get());
    }

    private static Future<Void> chain(RedisTicketStore store, StoredTicket[] tickets, int slot, long end, AtomicLong done) {
        if (System.nanoTime() >= end) {
            return Future.succeededFuture();
        }
        int index = slot + IN_FLIGHT * (int) (done.get() % (TICKETS / IN_FLIGHT));
        return advance(store, tickets, index)
                .compose(ignored -> {
                    done.incrementAndGet();
                    return chain(store, tickets, slot, end, done);
                });
    }

    /**
     * One transition. After a failure the ticket is read again: a commit that timed out may still
     * have been applied, and without the re-read every later commit on that ticket would conflict.
     */
    private static Future<StoredTicket> advance(RedisTicketStore store, StoredTicket[] tickets, int index) {
        StoredTicket current = tickets[index];
        return store.commit(commit(current.id(), current.number(), current.version(), "TicketUrged"))
                .onSuccess(next -> tickets[index] = next)
                .onFailure(failure -> store.findById(current.id())
                        .onSuccess(found -> found.ifPresent(ticket -> tickets[index] = ticket)));
    }

    /**
     * Starts RATE_PER_SECOND transitions a second on a timer and measures each from the moment it
     * was due (not when it happened to start), so a stall shows up as latency.
     */
    private static Future<long[]> fixedRate(Vertx vertx, RedisTicketStore store, StoredTicket[] tickets) {
        int total = (int) (RATE_PER_SECOND * FIXED_RATE.toSeconds());
        long[] latencies = new long[total];
        AtomicLong issued = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        Promise<long[]> all = Promise.promise();
        long start = System.nanoTime();
        long nanosPerTransition = 1_000_000_000L / RATE_PER_SECOND;
        vertx.setPeriodic(TICK_MS, timer -> {
            long due = (System.nanoTime() - start) / nanosPerTransition;
            while (issued.get() < Math.min(due, total)) {
                int n = (int) issued.getAndIncrement();
                long dueAt = start + n * nanosPerTransition;
                // Far more tickets than transitions per second: a ticket is only touched again after
                // TICKETS / RATE seconds, so overlapping commits (and their conflicts) need a stall that long.
                advance(store, tickets, n % TICKETS).onComplete(result -> {
                    latencies[n] = result.succeeded() ? System.nanoTime() - dueAt : Long.MAX_VALUE;
                    if (finished.incrementAndGet() == total) {
                        all.complete(latencies);
                    }
                });
            }
            if (issued.get() >= total) {
                vertx.cancelTimer(timer);
            }
        });
        return all.future();
    }

    /** Failed transitions (timeouts when the machine cannot keep up) count as infinitely slow. */
    private static String percentiles(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long failed = Arrays.stream(sorted).filter(value -> value == Long.MAX_VALUE).count();
        long slowestCompleted = failed == sorted.length ? Long.MAX_VALUE : sorted[sorted.length - 1 - (int) failed];
        return String.format("p50 %s, p99 %s, p99.9 %s, max completed %s, failed %d of %d",
                at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), millis(slowestCompleted), failed, sorted.length);
    }

    private static String at(long[] sorted, double quantile) {
        return millis(sorted[(int) Math.ceil(quantile * sorted.length) - 1]);
    }

    private static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "failed" : String.format("%.2f ms", nanos / 1e6);
    }

    /**
     * A transition shaped like production: ~1.5 KB snapshot, one event, an inbox, two SLA alarms.
     * Shape "moving" (default, worst case) reassigns the department and moves the deadline every
     * time; "steady" (-Dbench.shape=steady, e.g. urge or contact) leaves both as they were.
     */
    private static TicketCommit commit(String id, String number, long expected, String type) {
        long version = expected + 1;
        Instant at = Commits.T0.plusSeconds(version);
        long step = STEADY ? 1 : version;
        long due = Commits.T0.plusSeconds(step + 86_400).toEpochMilli();
        TicketIndexes indexes = new TicketIndexes(Set.of("dept-" + (step % 40)), due, "1380013" + id.substring(2, 6),
                true, version == 1 ? "RECEIVED" : "HANDLING",
                Set.of(new SlaAlarm("HANDLING", "YELLOW", due, due - 3_600_000), new SlaAlarm("HANDLING", "RED", due, due)));
        String snapshot = "{\"schema\":\"ticket.v1\",\"id\":\"" + id + "\",\"number\":\"" + number + "\",\"version\":" + version
                + ",\"status\":\"" + indexes.status() + "\",\"channel\":\"PHONE\",\"title\":\"路灯不亮\",\"content\":\"" + CONTENT
                + "\",\"caller\":{\"name\":\"张先生\",\"phone\":\"13800138000\"},\"leadDepartment\":\"dept-" + (step % 40) + "\"}";
        StreamEvent event = new StreamEvent(type, version, at,
                "{\"type\":\"" + type + "\",\"actor\":{\"role\":\"SUPERVISOR\",\"id\":\"u-7\"},\"at\":\"" + at + "\",\"reason\":\"督办：请尽快处理\"}");
        return new TicketCommit(id, number, expected, new StoredTicket(id, number, version, snapshot), List.of(event), indexes);
    }
}
