package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.stream.RedisKeys;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SLA scheduler against a real Redis: several instances, crashes, exactly-once firing. */
@Timeout(120)
class SlaSchedulerIT {

    private static final String URI = RealRedis.shared().uri() + "/12";
    private final List<Vertx> vertxes = new ArrayList<>();
    private RedisCommands<String, String> redis;

    @BeforeEach
    void cleanRedis() {
        redis = connect(Vertx.vertx()).sync();
        redis.flushdb();
    }

    @AfterEach
    void stopEverything() {
        vertxes.forEach(v -> await(v.close()));
    }

    @Test
    void twoSchedulersOnOneRedisFireEveryDueAlarmExactlyOnce() throws InterruptedException {
        int alarms = 3_000;
        long now = redisNow();
        for (int i = 0; i < alarms; i++) {
            redis.zadd(RedisKeys.SLA_ALARMS, now - 500 + i, "t" + i + "|HANDLING|RED|" + (now + i));
        }
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        CountDownLatch published = new CountDownLatch(alarms);
        AtomicInteger publications = new AtomicInteger();
        SlaSchedulerConfig config = new SlaSchedulerConfig(Duration.ofMillis(20), Duration.ofSeconds(30), 50,
                Duration.ofHours(1));
        for (int instance = 0; instance < 2; instance++) {
            startScheduler(config, alarm -> {
                fired.computeIfAbsent(alarm.member(), m -> new AtomicInteger()).incrementAndGet();
                return Future.succeededFuture();
            }, publications, published);
        }

        assertThat(published.await(60, TimeUnit.SECONDS)).as("all alarms published").isTrue();
        awaitEmpty(SlaScheduler.IN_FLIGHT);
        assertThat(fired).hasSize(alarms);
        assertThat(fired.values()).allMatch(count -> count.get() == 1);
        assertThat(publications).hasValue(alarms);
        assertThat(redis.zcard(RedisKeys.SLA_ALARMS)).isZero();
    }

    @Test
    void alarmsLeasedByAKilledSchedulerAreFiredByTheNextOneOnceTheirLeaseExpires() throws Exception {
        long now = redisNow();
        for (int i = 0; i < 100; i++) {
            redis.zadd(RedisKeys.SLA_ALARMS, now - 1_000, "k" + i + "|RESPONSE|YELLOW|" + (now + 60_000));
        }
        // what a scheduler killed with -9 leaves behind: 100 claimed leases, 10 of them already fired
        List<Object> claimed = redis.eval(claimScript(), ScriptOutputType.MULTI,
                new String[] {RedisKeys.SLA_ALARMS, SlaScheduler.IN_FLIGHT}, "400", "1000");
        assertThat(claimed).hasSize(201);
        for (int i = 0; i < 10; i++) {
            redis.set(SlaScheduler.FIRED_PREFIX + "k" + i + "|RESPONSE|YELLOW|" + (now + 60_000), "1");
        }
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        CountDownLatch published = new CountDownLatch(90);
        AtomicInteger publications = new AtomicInteger();

        startScheduler(new SlaSchedulerConfig(Duration.ofMillis(20), Duration.ofMillis(400), 500, Duration.ofHours(1)),
                alarm -> {
                    fired.computeIfAbsent(alarm.member(), m -> new AtomicInteger()).incrementAndGet();
                    return Future.succeededFuture();
                }, publications, published);

        assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
        awaitEmpty(SlaScheduler.IN_FLIGHT);
        assertThat(fired).hasSize(90).doesNotContainKey("k0|RESPONSE|YELLOW|" + (now + 60_000));
        assertThat(fired.values()).allMatch(count -> count.get() == 1);
        assertThat(publications).hasValue(90);
    }

    @Test
    void aFailingSinkLeavesTheAlarmLeasedAndItIsRetriedAfterTheLease() throws Exception {
        redis.zadd(RedisKeys.SLA_ALARMS, redisNow() - 10, "f1|HANDLING|RED|1");
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch published = new CountDownLatch(1);
        startScheduler(new SlaSchedulerConfig(Duration.ofMillis(20), Duration.ofMillis(300), 10, Duration.ofHours(1)),
                alarm -> attempts.incrementAndGet() == 1
                        ? Future.failedFuture(new IllegalStateException("ticket store down"))
                        : Future.succeededFuture(),
                new AtomicInteger(), published);

        assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts).hasValue(2);
    }

    private void startScheduler(SlaSchedulerConfig config, SlaAlarmSink sink, AtomicInteger publications,
            CountDownLatch published) {
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        vertx.eventBus().consumer(SlaScheduler.ADDRESS, message -> {
            publications.incrementAndGet();
            published.countDown();
        });
        await(vertx.deployVerticle(new SlaScheduler(connect(vertx).async(), sink, config)));
    }

    private StatefulRedisConnection<String, String> connect(Vertx vertx) {
        if (!vertxes.contains(vertx)) {
            vertxes.add(vertx);
        }
        return await(RedisConnector.create(vertx, RedisConfig.of(URI)).connect());
    }

    private long redisNow() {
        List<String> time = redis.time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    /** Polls Redis (bounded): the last lease is dropped just after the last publication. */
    private void awaitEmpty(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (redis.zcard(key) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(redis.zcard(key)).as(key + " drained").isZero();
    }

    private static String claimScript() throws IOException {
        try (InputStream in = SlaScheduler.class.getResourceAsStream("/org/hotline/dispatch/sla/claim-alarms.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }
}
