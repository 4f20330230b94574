package org.hotline.dispatch.sla;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;

/**
 * One SLA scheduler in its own JVM, for {@link SlaSchedulerKillIT}: the test kills it with SIGKILL
 * mid-run. Its sink stands for the ticket store: the effect of an alarm is written atomically and
 * only once per member (as a ticket refuses a second warning for the same deadline), and every
 * attempt and every event-bus publication is counted in Redis, where the test reads them.
 *
 * <p>Arguments: redis URI, sink delay in ms (a slow sink keeps leases held when the kill comes).
 * Prints {@code SLA-SCHEDULER READY} when polling; exits when its standard input closes, so it never
 * outlives the test JVM.
 */
public final class SlaSchedulerProcess {

    static final String ATTEMPTS = "test:sla:attempts";
    static final String EFFECTS = "test:sla:effects";
    static final String EVENTS = "test:sla:events";
    static final String PUBLISHED = "test:sla:published";
    static final String READY = "SLA-SCHEDULER READY";
    /** The ticket store's guarantee in one step: the first firing of a member leaves one event. */
    private static final String EFFECT_ONCE = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('XADD', KEYS[2], '*', 'member', ARGV[1], 'pid', ARGV[2])
            end
            return 1
            """;

    private SlaSchedulerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        RedisAsyncCommands<String, String> redis = RedisConnector.create(vertx, RedisConfig.of(args[0])).connect()
                .toCompletionStage().toCompletableFuture().get().async();
        long delay = Long.parseLong(args[1]);
        String pid = Long.toString(ProcessHandle.current().pid());
        SlaAlarmSink sink = alarm -> LettuceBridge.toFuture(vertx, redis.hincrby(ATTEMPTS, alarm.member(), 1))
                .compose(n -> after(vertx, delay))
                .compose(v -> LettuceBridge.toFuture(vertx, redis.<Long>eval(EFFECT_ONCE, ScriptOutputType.INTEGER,
                        new String[] {EFFECTS, EVENTS}, alarm.member(), pid)))
                .mapEmpty();
        vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(SlaScheduler.ADDRESS,
                message -> redis.hincrby(PUBLISHED, message.body().getString("member"), 1));
        SlaSchedulerConfig config = new SlaSchedulerConfig(Duration.ofMillis(20), Duration.ofSeconds(1), 20,
                Duration.ofHours(1));
        vertx.deployVerticle(new SlaScheduler(redis, sink, config)).toCompletionStage().toCompletableFuture().get();
        System.out.println(READY);
        System.out.flush();
        awaitEndOfInput(System.in);
        System.exit(0);
    }

    private static Future<Void> after(Vertx vertx, long millis) {
        Promise<Void> done = Promise.promise();
        vertx.setTimer(Math.max(1, millis), id -> done.complete());
        return done.future();
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // nothing to read: the parent only closes this stream (or dies)
        }
    }
}
