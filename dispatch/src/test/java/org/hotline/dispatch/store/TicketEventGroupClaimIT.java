package org.hotline.dispatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.stream.RedisKeys;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On real Redis: consumer names are per node, so a node killed for good leaves entries it read but
 * never acknowledged; the survivors claim them once idle long enough and handle each exactly once.
 */
@Timeout(60)
class TicketEventGroupClaimIT {

    private static final String GROUP = "claim-it";
    private final Vertx vertx = Vertx.vertx();
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void entriesLeftUnacknowledgedByADeadConsumerAreHandledOnceBySurvivors() throws Exception {
        StatefulRedisConnection<String, String> connection = await(
                RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/13")).connect());
        RedisCommands<String, String> sync = connection.sync();
        sync.flushdb();
        sync.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sync.xadd(RedisKeys.TICKET_EVENTS, Map.of("type", "TicketReceived", "ticketId", "t-" + i));
            written.add("t-" + i);
        }
        List<StreamMessage<String, String>> readByTheDead = sync.xreadgroup(Consumer.from(GROUP, "dead-node"),
                XReadArgs.Builder.count(100), XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS));
        assertThat(readByTheDead).hasSize(7);

        await(vertx.deployVerticle(new Recording(connection, "survivor-1")));
        await(vertx.deployVerticle(new Recording(connection, "survivor-2")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sync.xpending(RedisKeys.TICKET_EVENTS, GROUP).getCount() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(sync.xpending(RedisKeys.TICKET_EVENTS, GROUP).getCount()).as("nothing left pending").isZero();
        synchronized (handled) {
            assertThat(handled).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    /** Claims after a short idle time so the test need not wait the production minute. */
    private final class Recording extends TicketEventGroup {

        Recording(StatefulRedisConnection<String, String> connection, String consumer) {
            super(connection.async(), GROUP, "0", consumer, Duration.ofMillis(50), 3, Duration.ofMillis(300));
        }

        @Override
        protected Future<Void> handlePage(List<StreamMessage<String, String>> messages) {
            messages.forEach(m -> handled.add(m.getBody().get("ticketId")));
            return Future.succeededFuture();
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }
}
