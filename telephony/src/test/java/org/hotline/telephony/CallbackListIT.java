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

/** The missed-call callback list on a real Redis: paged oldest first, an entry leaves it when done. */
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

    private static CallRecord abandoned(String callId, Instant endedAt) {
        return new CallRecord(callId, "1390000" + Math.abs(callId.hashCode() % 10000), "common", "", endedAt.minusSeconds(20),
                endedAt, Duration.ofSeconds(15), Duration.ZERO, CallRecord.HangupSide.CALLER, CallRecord.Outcome.ABANDONED,
                List.of(), List.of(), "", List.of());
    }
}
