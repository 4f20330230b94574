package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.redis.Commits.T0;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.TicketCommit;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers on one ticket, each through its own connection (as separate server
 * instances would be): optimistic versioning must let exactly one win per version.
 */
class RedisTicketStoreConcurrencyIT {

    private static final int WRITERS = 8;
    private static Vertx vertx;
    private static RedisConnector connector;
    private static final List<RedisTicketStore> STORES = new ArrayList<>();
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void startStores() {
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        for (int i = 0; i < WRITERS; i++) {
            STORES.add(Await.result(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults())));
        }
        redis = Await.result(connector.connect()).sync();
    }

    @AfterAll
    static void stopStores() {
        Await.result(connector.close());
        Await.result(vertx.close());
    }

    @Test
    void ofConcurrentCommitsAtOneVersionExactlyOneWinsEveryRound() {
        StoredTicket current = Await.result(STORES.get(0).create(Commits.create(Commits.newId(), Commits.newNumber()), null));
        for (int round = 0; round < 25; round++) {
            StoredTicket base = current;
            List<Future<StoredTicket>> attempts = IntStream.range(0, WRITERS)
                    .mapToObj(writer -> STORES.get(writer).commit(Commits.next(base, T0,
                            Commits.indexes("ASSIGNED", true, null, writer, Set.of("dept-" + writer), Set.of()), "TicketUrged")))
                    .toList();
            Await.result(Future.join(attempts).otherwiseEmpty());

            List<Future<StoredTicket>> won = attempts.stream().filter(Future::succeeded).toList();
            assertThat(won).hasSize(1);
            assertThat(attempts).filteredOn(Future::failed)
                    .allMatch(attempt -> ((HotlineException) attempt.cause()).kind() == ErrorKind.CONFLICT);
            current = won.get(0).result();
        }

        List<String> versions = RedisTicketStoreIT.streamEntriesOf(redis, current.id()).stream()
                .map(entry -> entry.getBody().get("version")).toList();
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, 26).mapToObj(String::valueOf).toList());
        assertThat(Await.result(STORES.get(0).findById(current.id()))).contains(current);
    }

    @Test
    void theWinnersIndexesAreTheOnlyOnesLeft() {
        StoredTicket base = Await.result(STORES.get(0).create(Commits.create(Commits.newId(), Commits.newNumber()), null));
        String tag = Commits.newId();
        List<Future<StoredTicket>> attempts = IntStream.range(0, WRITERS)
                .mapToObj(writer -> STORES.get(writer).commit(Commits.next(base, T0,
                        Commits.indexes("ASSIGNED", true, null, 1, Set.of(tag + "-" + writer), Set.of()), "TicketAssigned")))
                .toList();
        Await.result(Future.join(attempts).otherwiseEmpty());

        long inboxesListingIt = IntStream.range(0, WRITERS)
                .filter(writer -> !Await.result(STORES.get(0).inbox(tag + "-" + writer, 0, 10)).isEmpty())
                .count();
        assertThat(inboxesListingIt).isEqualTo(1);
    }

    @Test
    void concurrentReplaysOfOneIntakeCreateOneTicket() {
        String key = "hotline-call-" + Commits.newId();
        List<TicketCommit> submissions = IntStream.range(0, 3 * WRITERS)
                .mapToObj(i -> Commits.create(Commits.newId(), Commits.newNumber()))
                .toList();

        List<StoredTicket> answers = Await.result(Future.all(IntStream.range(0, submissions.size())
                .mapToObj(i -> STORES.get(i % WRITERS).create(submissions.get(i), key))
                .toList())).list();

        assertThat(answers).extracting(StoredTicket::id).containsOnly(answers.get(0).id());
        long stored = submissions.stream()
                .filter(submission -> Await.result(STORES.get(0).findById(submission.ticketId())).isPresent())
                .count();
        assertThat(stored).isEqualTo(1);
        assertThat(RedisTicketStoreIT.streamEntriesOf(redis, answers.get(0).id())).hasSize(1);
    }
}
