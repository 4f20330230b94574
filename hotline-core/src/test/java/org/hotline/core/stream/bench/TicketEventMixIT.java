package org.hotline.core.stream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Test;

/** The consumer benchmark's mix is what it claims: real entries, one received in nine, fresh appeals left received. */
class TicketEventMixIT {

    @Test
    void theMixKeepsOneFreshAppealInNineAndLeavesItReceived() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/10"));
            StatefulRedisConnection<String, String> connection = await(connector.connect());
            connection.sync().flushdb();
            RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
            TicketService tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(), TicketServiceConfig.defaults());

            List<Map<String, String>> mix = new TicketEventMix(tickets, SeedLoader.fromClasspath(), 4).record(connection.sync(), 90, "it");

            List<TicketEventEntry> entries = mix.stream().map(f -> TicketEventEntry.read(new StreamEntry(RedisKeys.TICKET_EVENTS, "1-0", f)))
                    .toList();
            assertThat(entries).hasSize(90);
            List<TicketEventEntry> received = entries.stream().filter(e -> e.is(TicketEventType.TICKET_RECEIVED)).toList();
            assertThat(received).hasSize(10);
            assertThat(entries).filteredOn(e -> e.is(TicketEventType.TICKET_CLOSED)).hasSize(10);
            assertThat(entries).filteredOn(e -> e.ticket() == null).as("lean entries, as the store writes them").hasSize(70);
            for (TicketEventEntry fresh : received) {
                assertThat(await(tickets.load(new TicketId(fresh.ticketId()))).status()).isEqualTo(TicketStatus.RECEIVED);
            }
            assertThat(connection.sync().exists(RedisKeys.TICKET_EVENTS)).as("a replay starts on an empty stream").isZero();
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
