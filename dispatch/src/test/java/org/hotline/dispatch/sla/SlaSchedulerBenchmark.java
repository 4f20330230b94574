package org.hotline.dispatch.sla;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.stream.RedisKeys;
import org.hotline.testsupport.RealRedis;

/**
 * 1,000,000 armed alarms in a private real Redis, {@code rate} of them coming due per second for
 * {@code seconds}; prints the firing delay percentiles and Redis memory per armed alarm.
 * Arguments: [armed=1000000] [rate=1000] [seconds=30] [schedulers=1]. See docs/benchmarks/dispatch.md.
 */
public final class SlaSchedulerBenchmark {

    public static void main(String[] args) throws Exception {
        int armed = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int schedulers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        RealRedis server = RealRedis.startNew(RealRedis.Options.defaults());
        Vertx vertx = Vertx.vertx();
        try {
            StatefulRedisConnection<String, String> connection =
                    SlaSchedulerIT.await(RedisConnector.create(vertx, RedisConfig.of(server.uri())).connect());
            RedisCommands<String, String> redis = connection.sync();
            long before = usedMemory(redis);
            int due = rate * seconds;
            arm(redis, due, armed, rate, System.currentTimeMillis()); // the ones waiting days, first
            long start = System.currentTimeMillis() + 3_000;
            arm(redis, 0, due, rate, start);
            long after = usedMemory(redis);
            System.out.printf("armed %d alarms: %.1f bytes of Redis memory per alarm (used_memory %d -> %d)%n",
                    armed, (after - before) / (double) armed, before, after);
            long[] delays = new long[due];
            AtomicInteger count = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(due);
            SlaAlarmSink sink = alarm -> {
                int i = count.getAndIncrement();
                if (i < due) {
                    delays[i] = System.currentTimeMillis() - alarm.fireAtEpochMs();
                }
                done.countDown();
                return Future.succeededFuture();
            };
            for (int s = 0; s < schedulers; s++) {
                SlaSchedulerIT.await(vertx.deployVerticle(new SlaScheduler(
                        SlaSchedulerIT.await(RedisConnector.create(vertx, RedisConfig.of(server.uri())).connect()).async(),
                        sink, SlaSchedulerConfig.defaults())));
            }
            if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
                System.out.printf("only %d of %d fired%n", count.get(), due);
            }
            Arrays.sort(delays);
            System.out.printf("fired %d alarms at %d/s with %d scheduler(s): delay p50 %d ms, p99 %d ms, max %d ms%n",
                    due, rate, schedulers, delays[due / 2], delays[(int) (due * 0.99)], delays[due - 1]);
        } finally {
            SlaSchedulerIT.await(vertx.close());
            server.stop();
        }
    }

    /** Alarms from..to: below {@code due} they fall due at {@code rate} per second from start; the rest wait days. */
    private static void arm(RedisCommands<String, String> redis, int from, int to, int rate, long start) {
        List<ScoredValue<String>> batch = new ArrayList<>(1_000);
        for (int i = from; i < to; i++) {
            long fireAt = from == 0 ? start + (long) i * 1_000 / rate : start + 86_400_000L + i;
            batch.add(ScoredValue.just(fireAt, String.format("T%019d|HANDLING|RED|%d", i, fireAt)));
            if (batch.size() == 1_000 || i == to - 1) {
                redis.zadd(RedisKeys.SLA_ALARMS, batch.toArray(ScoredValue[]::new));
                batch.clear();
            }
        }
    }

    private static long usedMemory(RedisCommands<String, String> redis) {
        for (String line : redis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).strip());
            }
        }
        throw new IllegalStateException("no used_memory in INFO");
    }
}
