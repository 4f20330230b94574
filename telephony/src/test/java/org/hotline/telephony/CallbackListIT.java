package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The missed-call callback list and the call records on a real Redis: paged oldest first, bounded,
 * an entry leaves it when done; a record read with the tickets linked since, records paged per reader.
 */
class CallbackListIT {

    private final Vertx vertx = Vertx.vertx();
    private RedisClient client;
    private StatefulRedisConnection<String, String> redis;
    private RedisTelephonyStore store;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        client = RedisClient.create(RealRedis.shared().uri());
        redis = client.connect();
        redis.sync().del(RedisTelephonyStore.CALLBACKS, RedisTelephonyStore.CALLBACKS_BY_TIME);
        store = new RedisTelephonyStore(vertx.getOrCreateContext(), redis.async());
    }

    @AfterEach
    void close() throws Exception {
        redis.close();
        client.shutdown();
        TelephonyTestBed.await(vertx.close());
    }

    @Test
    void theListIsReadAPageAtATimeOldestFirstWithItsLength() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        for (int i = 4; i >= 0; i--) { // written newest first: the order comes from the time, not the writing
            TelephonyTestBed.await(store.append(abandoned(run + "-" + i, t0.plusSeconds(i))));
        }

        RedisTelephonyStore.CallbackPage first = TelephonyTestBed.await(store.callbacks(0, 2));
        RedisTelephonyStore.CallbackPage last = TelephonyTestBed.await(store.callbacks(4, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.callbacks()).extracting(c -> c.getString("callId")).containsExactly(run + "-0", run + "-1");
        assertThat(last.callbacks()).extracting(c -> c.getString("callId")).containsExactly(run + "-4");
        assertThat(TelephonyTestBed.await(store.callbacks(5, 2)).callbacks()).isEmpty();
    }

    @Test
    void aCallbackDoneLeavesTheListAndItsOrder() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T09:00:00Z");
        TelephonyTestBed.await(store.append(abandoned(run + "-a", t0)));
        TelephonyTestBed.await(store.append(abandoned(run + "-b", t0.plusSeconds(1))));

        assertThat(TelephonyTestBed.await(store.callbackDone(run + "-a"))).isTrue();

        RedisTelephonyStore.CallbackPage page = TelephonyTestBed.await(store.callbacks(0, 50));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.callbacks()).extracting(c -> c.getString("callId")).containsExactly(run + "-b");
        assertThat(redis.sync().zscore(RedisTelephonyStore.CALLBACKS_BY_TIME, run + "-a")).isNull();
        assertThat(TelephonyTestBed.await(store.callbackDone(run + "-a"))).isFalse();
    }

    @Test
    void theListIsBoundedByItsSettingTheOldestDropOff() throws Exception {
        RedisTelephonyStore bounded = new RedisTelephonyStore(vertx.getOrCreateContext(), redis.async(), 2);
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            TelephonyTestBed.await(bounded.append(abandoned(run + "-m" + i, t0.plusSeconds(i))));
        }

        RedisTelephonyStore.CallbackPage page = TelephonyTestBed.await(bounded.callbacks(0, 50));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.callbacks()).extracting(c -> c.getString("callId")).containsExactly(run + "-m1", run + "-m2");
    }

    @Test
    void aTicketLinkedAfterHangUpIsReadWithTheCallRecord() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T11:00:00Z");
        TelephonyTestBed.await(store.linkTicket(run + "-t", "ticket-during"));
        TelephonyTestBed.await(store.append(answered(run + "-t", "a7", t0)));

        TelephonyTestBed.await(store.linkTicket(run + "-t", "ticket-after"));

        var record = TelephonyTestBed.await(store.record(run + "-t")).orElseThrow();
        assertThat(record.get("ticketIds")).isEqualTo("ticket-after,ticket-during");
        assertThat(redis.sync().ttl(RedisTelephonyStore.CALL_TICKETS + run + "-t")).isEqualTo(-1L);
        assertThat(TelephonyTestBed.await(store.record(run + "-none"))).isEmpty();
    }

    @Test
    void recordsArePagedNewestFirstAndFilteredForTheReader() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T12:00:00Z");
        for (int i = 0; i < 4; i++) {
            TelephonyTestBed.await(store.append(answered(run + "-r" + i, i % 2 == 0 ? "a8" : "a9", t0.plusSeconds(i))));
        }
        java.util.function.Predicate<java.util.Map<String, String>> mine = r -> "a8".equals(r.get("agentId"))
                && r.get("callId").startsWith(run + "-r");

        RedisTelephonyStore.RecordPage first = TelephonyTestBed.await(store.records("", 1, 100, mine));
        RedisTelephonyStore.RecordPage second = TelephonyTestBed.await(store.records(first.next(), 1, 100, mine));

        assertThat(first.records()).extracting(r -> r.get("callId")).containsExactly(run + "-r2");
        assertThat(second.records()).extracting(r -> r.get("callId")).containsExactly(run + "-r0");
    }

    private static CallRecord answered(String callId, String agentId, Instant endedAt) {
        return new CallRecord(callId, "13900000077", "common", agentId, endedAt.minusSeconds(30), endedAt,
                Duration.ofSeconds(3), Duration.ofSeconds(20), CallRecord.HangupSide.AGENT, CallRecord.Outcome.ANSWERED,
                List.of(), List.of(), "hotline-" + callId + ".wav", List.of());
    }

    private static CallRecord abandoned(String callId, Instant endedAt) {
        return new CallRecord(callId, "1390000" + Math.abs(callId.hashCode() % 10000), "common", "", endedAt.minusSeconds(20),
                endedAt, Duration.ofSeconds(15), Duration.ZERO, CallRecord.HangupSide.CALLER, CallRecord.Outcome.ABANDONED,
                List.of(), List.of(), "", List.of());
    }
}
