package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.redis.Commits.T0;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.time.Duration;
import java.util.Set;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.TicketCommit;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private Redis with {@code appendfsync always} that the tests kill and stop: acknowledged
 * commits survive, and while Redis is away the store fails fast and writes nothing.
 */
class RedisTicketStoreDurabilityIT {

    private static RealRedis server;
    private static Vertx vertx;
    private static RedisConnector connector;
    private static RedisTicketStore store;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void startStore() {
        server = RealRedis.startNew(RealRedis.Options.defaults().with("appendfsync", AppendFsync.ALWAYS.redisValue()));
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(server.uri()).withCommandTimeout(Duration.ofSeconds(1)));
        store = Await.result(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        raw = Await.result(connector.connect()).sync();
    }

    @AfterAll
    static void stopStore() {
        Await.result(connector.close());
        Await.result(vertx.close());
        server.stop();
    }

    @Test
    void anAcknowledgedCommitSurvivesAKilledRedisInAlwaysMode() {
        StoredTicket v1 = Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), "intake-" + Commits.newId()));
        TicketCommit assign = Commits.next(v1, T0, Commits.indexes("ASSIGNED", true, null, 1, Set.of("dept-gas"), Set.of()),
                "TicketAssigned");
        Await.result(store.commit(assign));

        server.crash();
        startAgain();

        assertThat(eventually(() -> Await.result(store.findById(v1.id())))).contains(assign.next());
        assertThat(Await.result(store.inbox("dept-gas", 0, 1000))).contains(v1.id());
    }

    @Test
    void killingRedisDuringABurstLeavesEveryTicketWhole() {
        List<StoredTicket> tickets = IntStream.range(0, 20)
                .mapToObj(i -> Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), null)))
                .toList();
        long[] acknowledged = new long[tickets.size()];
        AtomicInteger done = new AtomicInteger();
        Promise<Void> enoughDone = Promise.promise();
        List<Future<Void>> chains = IntStream.range(0, tickets.size())
                .mapToObj(i -> burst(tickets.get(i), acknowledged, i, done, enoughDone))
                .toList();
        Await.result(enoughDone.future());

        server.crash();
        Await.result(Future.join(chains).otherwiseEmpty());
        startAgain();

        eventually(() -> Await.result(store.findById(tickets.get(0).id())));
        eventually(() -> {
            try {
                return raw.ping();
            } catch (io.lettuce.core.RedisException e) {
                throw LettuceBridge.translate(e);
            }
        });
        for (int i = 0; i < tickets.size(); i++) {
            StoredTicket stored = Await.result(store.findById(tickets.get(i).id())).orElseThrow();
            assertThat(stored.version()).isGreaterThanOrEqualTo(acknowledged[i]);
            assertThat(streamVersions(stored.id())).isEqualTo(LongStream.rangeClosed(1, stored.version()).boxed().toList());
            assertThat(Await.result(store.inbox("dept-" + stored.version(), 0, 1000))).contains(stored.id());
        }
    }

    /** Commits one transition after another on a ticket until Redis goes away. */
    private static Future<Void> burst(StoredTicket current, long[] acknowledged, int slot, AtomicInteger done,
            Promise<Void> enoughDone) {
        TicketCommit next = Commits.next(current, T0,
                Commits.indexes("HANDLING", true, null, 1, Set.of("dept-" + (current.version() + 1)), Set.of()), "TicketUrged");
        return store.commit(next).compose(stored -> {
            acknowledged[slot] = stored.version();
            if (done.incrementAndGet() == 200) {
                enoughDone.tryComplete();
            }
            return burst(stored, acknowledged, slot, done, enoughDone);
        }, failure -> Future.succeededFuture());
    }

    private static List<Long> streamVersions(String ticketId) {
        return RedisTicketStoreIT.streamEntriesOf(raw, ticketId).stream()
                .map(entry -> Long.parseLong(entry.getBody().get("version")))
                .toList();
    }

    @Test
    void aCommitWhileRedisIsDownFailsAsUnavailableAndLeavesNothingBehind() {
        TicketCommit create = Commits.create(Commits.newId(), Commits.newNumber());
        server.stop();
        HotlineException failure;
        try {
            failure = Await.failure(store.create(create, null));
        } finally {
            server.start();
        }

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(failure.code()).isEqualTo(LettuceBridge.UNAVAILABLE_CODE);
        assertThat(eventually(() -> Await.result(store.findById(create.ticketId())))).isEmpty();
        assertThat(Await.result(store.findByNumber(create.number()))).isEmpty();
        assertThat(Await.result(store.create(create, null))).isEqualTo(create.next());
    }

    /**
     * Right after a SIGKILL the port can still be held for a moment (seen here under load:
     * "Address already in use"), so the restart is retried briefly.
     */
    private static void startAgain() {
        for (int attempt = 1; ; attempt++) {
            try {
                server.start();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 20) {
                    throw e;
                }
                Await.result(vertx.timer(250));
            }
        }
    }

    /** After a restart the connection reconnects on its own; until it has, reads fail as UNAVAILABLE. */
    private static <T> T eventually(java.util.function.Supplier<T> read) {
        HotlineException last = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return read.get();
            } catch (HotlineException e) {
                if (e.kind() != ErrorKind.UNAVAILABLE) {
                    throw e;
                }
                last = e;
                Await.result(vertx.timer(100));
            }
        }
        throw new AssertionError("Redis did not come back", last);
    }
}
