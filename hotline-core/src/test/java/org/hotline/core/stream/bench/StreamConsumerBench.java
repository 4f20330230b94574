package org.hotline.core.stream.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.catalog.Seed;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;

/**
 * Measures ONE real consumer of the ticket event stream (its real handler, on a real Redis of its own) fed the
 * {@link TicketEventMix} written by the real ticket service, in two phases:
 * <ol>
 *   <li>backlog: {@code backlog} entries are in the stream before the consumer starts (a node back after a stop);
 *       reported: events/s until the last is handled, CPU ms per event (the process: nothing else runs then);</li>
 *   <li>rate: the consumer runs while entries are appended at {@code rate}/s for {@code seconds} (in 10 ms
 *       slices, from a client of its own); reported: events/s sustained (entries over first append → last
 *       handled), lag p50/p99/max (handled minus appended), CPU ms per event (the process, the feeding included:
 *       compare with the {@code mechanism} subject, whose handler does nothing).</li>
 * </ol>
 * Each phase uses a fresh stream and group, and a mix of its own (recorded before the phase, not timed), so a
 * consumer that changes tickets (auto-dispatch) finds them as fresh as intake leaves them. Fed entries carry a
 * {@code bench} field with their index (read by no consumer): entries a consumer writes itself are not counted.
 * Output lines start with {@code BENCH consumer=<name>}; {@code scripts/benchmarks consumers} runs every subject.
 */
public final class StreamConsumerBench {

    /** The consumer under test: prepared once (models, lists), then deployed per phase; reports what it adds. */
    public interface Subject {

        default Future<Void> prepare(Env env) {
            return Future.succeededFuture();
        }

        /** Deploys the consumer on {@link RedisKeys#TICKET_EVENTS} under {@code group}; tells {@code progress} what it handled. */
        Future<String> deploy(Env env, String group, Progress progress);

        /** Extra figures after the rate phase (e.g. intake → dispatched), or empty. */
        default String afterRate(Env env, Map<String, Long> receivedAtMillis) {
            return "";
        }
    }

    /** What a subject works with: the Vert.x instance, the Redis, and the real ticket service on it. */
    public record Env(Vertx vertx, String redisUri, RedisConnector connector, StatefulRedisConnection<String, String> connection,
                      TicketService tickets, Seed seed) {
    }

    /** Records, per fed entry, when it was handled. */
    public static final class Progress {

        private final AtomicLongArray writtenAt;
        private final AtomicLongArray handledAt;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger inOrder = new AtomicInteger();
        private final CountDownLatch all = new CountDownLatch(1);
        private volatile long lastHandled;

        Progress(int total) {
            this.writtenAt = new AtomicLongArray(total);
            this.handledAt = new AtomicLongArray(total);
        }

        /** The entries a handler finished (those not fed by the benchmark are ignored). */
        public void handled(List<StreamEntry> entries) {
            long now = System.nanoTime();
            for (StreamEntry e : entries) {
                String index = e.fields().get("bench");
                if (index != null) {
                    mark(Integer.parseInt(index), now);
                }
            }
        }

        /** For a consumer that reports counts only: the next {@code entries} fed entries, in stream order. */
        public void handledInOrder(int entries) {
            long now = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                int index = inOrder.getAndIncrement();
                if (index < handledAt.length()) {
                    mark(index, now);
                }
            }
        }

        private void mark(int index, long now) {
            if (handledAt.compareAndSet(index, 0, now)) {
                lastHandled = Math.max(lastHandled, now);
                if (count.incrementAndGet() == handledAt.length()) {
                    all.countDown();
                }
            }
        }
    }

    private StreamConsumerBench() {
    }

    /**
     * A consumer group reading the ticket event stream from its start, entries typed as every ticket-event consumer
     * gets them, reporting each handled batch to {@code progress}: the group a ticket-event handler is measured in.
     */
    public static ConsumerGroup<StreamEntry> group(Env env, String group, int page, BatchHandler<TicketEventEntry> handler,
                                                   Progress progress) {
        GroupSettings settings = GroupSettings.of(group, "bench-1", RedisKeys.TICKET_EVENTS, true).page(page)
                .idle(Duration.ofMillis(100));
        return ConsumerGroup.entries(env.connection().async(), settings, batch -> handler.handle(batch.stream()
                .map(TicketEventEntry::read).toList()).onSuccess(h -> progress.handled(batch)));
    }

    /** Runs both phases for {@code subject}; args {@code backlog=30000 rate=5000 seconds=10 lanes=32}. */
    public static void run(String name, Subject subject, String[] args) throws Exception {
        int backlog = arg(args, "backlog", 30_000);
        int rate = arg(args, "rate", 5000);
        int seconds = arg(args, "seconds", 10);
        int lanes = arg(args, "lanes", 32);
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults());
        Vertx vertx = Vertx.vertx();
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(redis.uri()));
        RedisClient feederClient = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> feeder = feederClient.connect()) {
            StatefulRedisConnection<String, String> connection = await(connector.connect());
            RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
            Seed seed = SeedLoader.fromClasspath();
            TicketService tickets = new TicketService(store, seed, Clock.systemUTC(), TicketServiceConfig.defaults());
            Env env = new Env(vertx, redis.uri(), connector, connection, tickets, seed);
            await(subject.prepare(env));
            TicketEventMix mix = new TicketEventMix(tickets, seed, lanes);

            List<Map<String, String>> entries = mix.record(feeder.sync(), backlog, "b");
            Progress progress = new Progress(entries.size());
            feed(feeder.async(), entries, progress, 0);
            long cpu = cpuNanos();
            long start = System.nanoTime();
            String deployment = await(subject.deploy(env, "bench-backlog", progress));
            awaitAll(progress, Duration.ofMinutes(15));
            double took = (progress.lastHandled - start) / 1e9;
            System.out.printf("BENCH consumer=%s phase=backlog entries=%d events_per_s=%.0f seconds=%.1f cpu_ms_per_event=%.3f load=%s%n",
                    name, entries.size(), entries.size() / took, took, (cpuNanos() - cpu) / 1e6 / entries.size(), load());
            await(vertx.undeploy(deployment));
            feeder.sync().del(RedisKeys.TICKET_EVENTS);

            entries = mix.record(feeder.sync(), rate * seconds, "r");
            progress = new Progress(entries.size());
            deployment = await(subject.deploy(env, "bench-rate", progress));
            cpu = cpuNanos();
            start = System.nanoTime();
            Map<String, Long> received = feed(feeder.async(), entries, progress, rate);
            awaitAll(progress, Duration.ofMinutes(15));
            double sustained = entries.size() / ((progress.lastHandled - start) / 1e9);
            long[] lags = new long[entries.size()];
            for (int i = 0; i < lags.length; i++) {
                lags[i] = progress.handledAt.get(i) - progress.writtenAt.get(i);
            }
            Arrays.sort(lags);
            System.out.printf("BENCH consumer=%s phase=rate offered_per_s=%d entries=%d events_per_s=%.0f lag_p50_ms=%.0f "
                            + "lag_p99_ms=%.0f lag_max_ms=%.0f cpu_ms_per_event=%.3f load=%s%n", name, rate, entries.size(), sustained,
                    lags[lags.length / 2] / 1e6, lags[(int) (lags.length * 0.99)] / 1e6, lags[lags.length - 1] / 1e6,
                    (cpuNanos() - cpu) / 1e6 / entries.size(), load());
            String extra = subject.afterRate(env, received);
            if (!extra.isEmpty()) {
                System.out.printf("BENCH consumer=%s %s load=%s%n", name, extra, load());
            }
            await(vertx.undeploy(deployment));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            feederClient.shutdown();
            redis.stop();
        }
    }

    /**
     * Appends the entries (all at once when {@code rate} is 0, else at the rate in 10 ms slices, parking between
     * them so the feeder leaves the cores to the consumer); returns when each received ticket's entry was appended
     * (epoch ms), the start of intake → X lags.
     */
    private static Map<String, Long> feed(RedisAsyncCommands<String, String> redis, List<Map<String, String>> entries,
                                          Progress progress, int rate) throws Exception {
        Map<String, Long> received = new HashMap<>();
        int perSlice = rate == 0 ? entries.size() : Math.max(1, rate / 100);
        long next = System.nanoTime();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += perSlice) {
            if (rate > 0) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += 10_000_000L;
            }
            long now = System.nanoTime();
            long wall = System.currentTimeMillis();
            for (int i = from; i < Math.min(entries.size(), from + perSlice); i++) {
                Map<String, String> fields = new HashMap<>(entries.get(i));
                fields.put("bench", Integer.toString(i));
                progress.writtenAt.set(i, now);
                if ("TicketReceived".equals(fields.get("type"))) {
                    received.put(fields.get("ticketId"), wall);
                }
                pending.add(redis.xadd(RedisKeys.TICKET_EVENTS, fields));
            }
        }
        for (RedisFuture<String> f : pending) {
            f.get(60, TimeUnit.SECONDS);
        }
        return received;
    }

    private static void awaitAll(Progress progress, Duration limit) throws InterruptedException {
        if (!progress.all.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("not all entries handled in " + limit + ": " + progress.count.get() + " of "
                    + progress.handledAt.length());
        }
    }

    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static String load() {
        try {
            return String.join("/", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    public static int arg(String[] args, String name, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> Integer.parseInt(a.substring(name.length() + 1))).orElse(fallback);
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
