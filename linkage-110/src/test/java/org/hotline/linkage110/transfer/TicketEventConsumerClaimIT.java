package org.hotline.linkage110.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.core.stream.RedisKeys;
import org.hotline.linkage110.RedisOps;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node killed after reading ticket events leaves them pending; a live node claims and handles them (real Redis). */
class TicketEventConsumerClaimIT {

    private static final String GROUP = "linkage110-claim-test";
    private final Vertx vertx = Vertx.vertx();
    private final RedisClient client = RedisClient.create(RealRedis.shared().uri() + "/11");
    private final StatefulRedisConnection<String, String> connection = client.connect();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        connection.close();
        client.shutdown();
    }

    @Test
    void entriesADeadNodeReadButNeverAcknowledgedAreHandledOnceByASurvivor() throws Exception {
        var sync = connection.sync();
        sync.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        sync.xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", "t-1", "type", "TicketAssigned"));
        sync.xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", "t-2", "type", "TicketReplied"));
        assertThat(sync.xreadgroup(Consumer.from(GROUP, "linkage-dead-node"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS))).hasSize(2);

        List<String> handled = new CopyOnWriteArrayList<>();
        Promise<Void> both = Promise.promise();
        var survivor = new TicketEventConsumer(new RedisOps(vertx, connection.async()), GROUP, "linkage-survivor",
                Duration.ofMillis(50), Duration.ofMillis(300)) {
            @Override
            Future<Void> handle(Map<String, String> entry) {
                handled.add(entry.get("ticketId"));
                if (handled.size() == 2) {
                    both.tryComplete();
                }
                return Future.succeededFuture();
            }
        };
        vertx.deployVerticle(survivor).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        both.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        // acknowledged after handling; then a few more claim rounds must find nothing to hand over again
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> sync.xpending(RedisKeys.TICKET_EVENTS, GROUP).getCount() == 0);
        Promise<Void> rounds = Promise.promise();
        vertx.setTimer(1_000, id -> rounds.complete());
        rounds.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(handled).containsExactly("t-1", "t-2");
        sync.xgroupDestroy(RedisKeys.TICKET_EVENTS, GROUP);
    }
}
