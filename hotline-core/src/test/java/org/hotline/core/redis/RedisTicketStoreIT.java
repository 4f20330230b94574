package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.redis.Commits.T0;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketStore;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TicketStore contract plus the Redis-side formats other modules read (stream, alarms), on a real Redis. */
class RedisTicketStoreIT extends TicketStoreContract {

    private static Vertx vertx;
    private static RedisConnector connector;
    private static RedisTicketStore store;
    private static RedisCommands<String, String> redis;
    private static final RedisTicketKeys KEYS = RedisTicketKeys.defaults();

    @BeforeAll
    static void startStore() {
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        store = Await.result(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        StatefulRedisConnection<String, String> raw = Await.result(connector.connect());
        redis = raw.sync();
    }

    @AfterAll
    static void stopStore() {
        Await.result(connector.close());
        Await.result(vertx.close());
    }

    @Override
    protected TicketStore store() {
        return store;
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }

    static List<StreamMessage<String, String>> streamEntriesOf(RedisCommands<String, String> redis, String ticketId) {
        return redis.xrange(KEYS.eventStream(), Range.create("-", "+")).stream()
                .filter(message -> ticketId.equals(message.getBody().get("ticketId")))
                .toList();
    }

    @Test
    void eachEventIsAppendedToTheStreamWithEveryContractFieldAndOnlyAReceivedTicketCarriesItsSnapshot() {
        TicketCommit create = Commits.create(Commits.newId(), Commits.newNumber());
        StoredTicket v1 = Await.result(store.create(create, null));
        TicketCommit assign = Commits.next(v1, T0.plusSeconds(5), Commits.received(null), "TicketClassified", "TicketAssigned");
        Await.result(store.commit(assign));

        List<StreamMessage<String, String>> entries = streamEntriesOf(redis, v1.id());

        assertThat(entries).extracting(entry -> entry.getBody().get("version")).containsExactly("1", "2", "3");
        assertThat(entries).extracting(entry -> entry.getBody().get("type"))
                .containsExactly("TicketReceived", "TicketClassified", "TicketAssigned");
        Map<String, String> last = entries.get(2).getBody();
        // lean entries (TicketEventType.carriesSnapshot): consumers of an assignment read the current ticket
        assertThat(last).containsOnlyKeys("ticketId", "number", "version", "type", "at", "event");
        assertThat(last).containsEntry("number", v1.number())
                .containsEntry("at", "2026-11-22T02:00:05Z")
                .containsEntry("event", assign.events().get(1).eventJson());
        assertThat(entries.get(0).getBody()).containsOnlyKeys("ticketId", "number", "version", "type", "at", "event", "ticket")
                .containsEntry("ticket", create.next().snapshotJson());
    }

    @Test
    void eventsOfATicketCommittedBeforeItsEventListExistedAreCompletedFromTheStream() {
        StoredTicket v1 = Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), null));
        StoredTicket v3 = Await.result(store.commit(Commits.next(v1, T0, Commits.received(null), "TicketClassified", "TicketAssigned")));
        redis.del(KEYS.history(v1.id()));
        Await.result(store.commit(Commits.next(v3, T0, Commits.received(null), "TicketSigned")));

        List<StreamEvent> events = Await.result(store.eventsOf(v1.id()));

        assertThat(redis.llen(KEYS.history(v1.id()))).isEqualTo(1);
        assertThat(events).extracting(StreamEvent::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(StreamEvent::type)
                .containsExactly("TicketReceived", "TicketClassified", "TicketAssigned", "TicketSigned");
    }

    @Test
    void aTicketWithoutAnyEventListGetsItsWholeHistoryFromTheStream() {
        StoredTicket v1 = Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), null));
        Await.result(store.commit(Commits.next(v1, T0, Commits.received(null), "TicketClassified")));
        redis.del(KEYS.history(v1.id()));

        assertThat(Await.result(store.eventsOf(v1.id()))).extracting(StreamEvent::type)
                .containsExactly("TicketReceived", "TicketClassified");
    }

    @Test
    void slaAlarmsOfTheTicketAreReplacedByEachCommit() {
        String id = Commits.newId();
        SlaAlarm yellow = new SlaAlarm("SIGN", "YELLOW", 2_000L, 1_500L);
        SlaAlarm red = new SlaAlarm("SIGN", "RED", 2_000L, 2_000L);
        SlaAlarm handling = new SlaAlarm("HANDLING", "RED", 9_000L, 9_000L);
        StoredTicket v1 = Await.result(store.create(Commits.create(id, Commits.newNumber(), T0,
                Commits.indexes("ASSIGNED", true, null, 2_000.0, Set.of(), Set.of(yellow, red))), null));

        Await.result(store.commit(Commits.next(v1, T0, Commits.indexes("SIGNED", true, null, 9_000.0, Set.of(), Set.of(handling)),
                "TicketSigned")));

        assertThat(redis.zscore(KEYS.slaAlarms(), yellow.member(id))).isNull();
        assertThat(redis.zscore(KEYS.slaAlarms(), red.member(id))).isNull();
        assertThat(redis.zscore(KEYS.slaAlarms(), handling.member(id))).isEqualTo(9_000.0);
    }

    @Test
    void alarmsRecordedAsWholeMembersBeforeTheHashKeptThemShortAreStillDisarmed() {
        String id = Commits.newId();
        SlaAlarm red = new SlaAlarm("SIGN", "RED", 2_000L, 2_000L);
        SlaAlarm handling = new SlaAlarm("HANDLING", "RED", 9_000L, 9_000L);
        StoredTicket v1 = Await.result(store.create(Commits.create(id, Commits.newNumber(), T0,
                Commits.indexes("ASSIGNED", true, null, 2_000.0, Set.of(), Set.of(red))), null));
        assertThat(redis.hget(KEYS.ticket(id), "a")).isEqualTo("~SIGN|RED|2000");
        redis.hset(KEYS.ticket(id), "a", "[\"" + red.member(id) + "\"]");

        Await.result(store.commit(Commits.next(v1, T0, Commits.indexes("SIGNED", true, null, 9_000.0, Set.of(), Set.of(handling)),
                "TicketSigned")));

        assertThat(redis.zscore(KEYS.slaAlarms(), red.member(id))).isNull();
        assertThat(redis.zscore(KEYS.slaAlarms(), handling.member(id))).isEqualTo(9_000.0);
    }

    @Test
    void aSnapshotAndEventsWrittenBeforeCompactionAreReadAsTheyAre() {
        StoredTicket v1 = Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), null));
        String id = v1.id();
        List<StreamEvent> compacted = Await.result(store.eventsOf(id));
        redis.hset(KEYS.ticket(id), "s", v1.snapshotJson());
        redis.del(KEYS.history(id));
        StreamEvent first = compacted.get(0);
        redis.rpush(KEYS.history(id), first.version() + "|" + first.type() + "|" + first.at() + "|" + first.eventJson());

        assertThat(Await.result(store.findById(id))).contains(v1);
        assertThat(Await.result(store.eventsOf(id))).containsExactlyElementsOf(compacted);
    }

    @Test
    void alarmsThatDidNotChangeStayArmedAndTheInboxScoreFollowsTheCommit() {
        String id = Commits.newId();
        String department = "dept-" + Commits.newId();
        SlaAlarm red = new SlaAlarm("HANDLING", "RED", 7_000L, 7_000L);
        StoredTicket v1 = Await.result(store.create(Commits.create(id, Commits.newNumber(), T0,
                Commits.indexes("ASSIGNED", true, null, 7_000.0, Set.of(department), Set.of(red))), null));

        Await.result(store.commit(Commits.next(v1, T0, Commits.indexes("ASSIGNED", true, null, 3_000.0, Set.of(department),
                Set.of(red)), "TicketUrged")));

        assertThat(redis.zscore(KEYS.slaAlarms(), red.member(id))).isEqualTo(7_000.0);
        assertThat(redis.zscore(KEYS.inbox(department), id)).isEqualTo(3_000.0);
        assertThat(redis.zscore(KEYS.open(), id)).isEqualTo(3_000.0);
    }

    @Test
    void closingTheTicketDisarmsItsAlarmsAndTakesItOffTheOpenList() {
        String id = Commits.newId();
        SlaAlarm red = new SlaAlarm("REPLY", "RED", 5_000L, 5_000L);
        StoredTicket v1 = Await.result(store.create(Commits.create(id, Commits.newNumber(), T0,
                Commits.indexes("ASSIGNED", true, null, 5_000.0, Set.of(), Set.of(red))), null));
        assertThat(Await.result(store.openTickets(0, 1000))).contains(id);

        // Same inbox score as before: only the open flag changes, and that alone must take it off the list.
        Await.result(store.commit(Commits.next(v1, T0, Commits.indexes("CLOSED", false, null, 5_000.0, Set.of(), Set.of()),
                "TicketClosed")));

        assertThat(redis.zscore(KEYS.slaAlarms(), red.member(id))).isNull();
        assertThat(redis.zscore(KEYS.open(), id)).isNull();
    }

    @Test
    void anIntakeKeyExpiresAfterItsTimeToLive() {
        String key = "app-" + Commits.newId();
        Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), key));

        long ttl = redis.ttl(KEYS.idempotency(key));

        assertThat(ttl).isBetween(1L, RedisTicketStoreConfig.DEFAULT_IDEMPOTENCY_TTL.toSeconds());
    }

    @Test
    void aReplayedIntakeAppendsNothingToTheStream() {
        String key = "wechat-" + Commits.newId();
        TicketCommit replay = Commits.create(Commits.newId(), Commits.newNumber());
        Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), key));

        Await.result(store.create(replay, key));

        assertThat(streamEntriesOf(redis, replay.ticketId())).isEmpty();
    }

    @Test
    void commitsBeyondTheInFlightLimitAreRefusedAtOnceAndTheOthersComplete() {
        RedisTicketStore narrow = Await.result(RedisTicketStore.start(vertx, connector,
                RedisTicketStoreConfig.defaults().withMaxInFlight(1)));
        redis.clientPause(300);

        Future<StoredTicket> first = narrow.create(Commits.create(Commits.newId(), Commits.newNumber()), null);
        HotlineException refused = Await.failure(narrow.create(Commits.create(Commits.newId(), Commits.newNumber()), null));

        assertThat(refused.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(refused.code()).isEqualTo(RedisTicketStore.OVERLOADED_CODE);
        assertThat(Await.result(first).version()).isEqualTo(1);
        assertThat(Await.result(narrow.create(Commits.create(Commits.newId(), Commits.newNumber()), null)).version()).isEqualTo(1);
    }

    @Test
    void scriptIsLoadedAgainAfterRedisForgotIt() {
        redis.scriptFlush();

        StoredTicket stored = Await.result(store.create(Commits.create(Commits.newId(), Commits.newNumber()), null));

        assertThat(Await.result(store.findById(stored.id()))).contains(stored);
    }
}
