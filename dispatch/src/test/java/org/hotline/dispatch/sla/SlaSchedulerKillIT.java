package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hotline.core.stream.RedisKeys;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real crash: the scheduler runs in its own JVM ({@link SlaSchedulerProcess}), is killed with
 * SIGKILL while it holds leases, and a second JVM takes over. Every armed alarm must have fired
 * exactly once: one effect each, none lost, none doubled, including those the dead one had leased.
 */
@Timeout(180)
class SlaSchedulerKillIT {

    private static final String URI = RealRedis.shared().uri() + "/6";
    private static final int ALARMS = 300;
    private static final int BATCH = 20; // SlaSchedulerProcess' batch: at most this many in flight per process
    private final List<Process> processes = new ArrayList<>();
    private RedisClient client;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void connect() {
        client = RedisClient.create(URI);
        StatefulRedisConnection<String, String> connection = client.connect();
        redis = connection.sync();
        redis.flushdb();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        client.shutdown();
    }

    @Test
    void aSchedulerKilledWithSigkillMidRunLosesAndDoublesNoAlarm() throws Exception {
        Set<String> armed = armAlarmsDueOverTheNextSeconds();
        Process first = startScheduler();
        await(() -> redis.hlen(SlaSchedulerProcess.EFFECTS) >= 60 && insideTheSink(), "first scheduler firing");

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> leasedByTheDead = new HashSet<>(redis.zrange(SlaScheduler.IN_FLIGHT, 0, -1));
        long firedBeforeTheKill = redis.hlen(SlaSchedulerProcess.EFFECTS);
        assertThat(leasedByTheDead).as("killed while holding leases").isNotEmpty();
        assertThat(firedBeforeTheKill).as("killed mid-run").isLessThan(ALARMS);

        startScheduler();
        await(() -> redis.hlen(SlaSchedulerProcess.EFFECTS) == ALARMS && redis.zcard(RedisKeys.SLA_ALARMS) == 0
                && redis.zcard(SlaScheduler.IN_FLIGHT) == 0, "every alarm fired after the restart");

        List<StreamMessage<String, String>> events = redis.xrange(SlaSchedulerProcess.EVENTS,
                io.lettuce.core.Range.create("-", "+"));
        List<String> firedMembers = events.stream().map(e -> e.getBody().get("member")).toList();
        assertThat(firedMembers).hasSize(ALARMS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(firedMembers)).isEqualTo(armed);
        assertThat(leasedByTheDead).allMatch(firedMembers::contains);

        Map<String, String> attempts = redis.hgetall(SlaSchedulerProcess.ATTEMPTS);
        Set<String> handedOverAgain = new HashSet<>();
        attempts.forEach((member, count) -> {
            if (Integer.parseInt(count) > 1) {
                handedOverAgain.add(member);
            }
        });
        assertThat(handedOverAgain).as("only the dead one's leases are handed to the sink again")
                .isNotEmpty().isSubsetOf(leasedByTheDead);

        Map<String, String> published = redis.hgetall(SlaSchedulerProcess.PUBLISHED);
        assertThat(published.values()).as("no event-bus publication doubled").allMatch("1"::equals);
        // a publication dies with its process only between the fired marker and publish()
        assertThat(published).hasSizeGreaterThanOrEqualTo(ALARMS - BATCH);
        System.out.printf("sla kill -9: %d fired before the kill, %d leased by the dead JVM, %d handed to the sink"
                + " again, %d publications of %d%n", firedBeforeTheKill, leasedByTheDead.size(), handedOverAgain.size(),
                published.size(), ALARMS);
    }

    /** Some leased alarm was handed to the sink, which has not written its effect yet (200 ms delay). */
    private boolean insideTheSink() {
        return redis.zrange(SlaScheduler.IN_FLIGHT, 0, -1).stream().anyMatch(member ->
                redis.hexists(SlaSchedulerProcess.ATTEMPTS, member) && !redis.hexists(SlaSchedulerProcess.EFFECTS, member));
    }

    /** Half already due, half coming due over the next 3 s (Redis' clock, as the claim script uses). */
    private Set<String> armAlarmsDueOverTheNextSeconds() {
        List<String> time = redis.time();
        long now = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        Set<String> armed = new HashSet<>();
        for (int i = 0; i < ALARMS; i++) {
            long fireAt = i < ALARMS / 2 ? now - 1_000 + i : now + (i - ALARMS / 2) * 20L;
            String member = "kill-" + i + "|HANDLING|" + (i % 3 == 0 ? "YELLOW" : "RED") + "|" + (fireAt + 60_000);
            redis.zadd(RedisKeys.SLA_ALARMS, fireAt, member);
            armed.add(member);
        }
        return armed;
    }

    /** A scheduler JVM on the test classpath; its standard input stays open as its leash. */
    private Process startScheduler() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", classpath,
                SlaSchedulerProcess.class.getName(), URI, "200"))
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "sla-scheduler-process.log").toFile()))
                .start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture.supplyAsync(() -> readyLine(out)).get(90, TimeUnit.SECONDS);
        return process;
    }

    private static String readyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(SlaSchedulerProcess.READY)) {
                    return line;
                }
            }
            throw new IllegalStateException("scheduler process exited before it was ready (target/sla-scheduler-process.log)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls Redis, bounded: the state is in another process, so there is nothing to subscribe to. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
