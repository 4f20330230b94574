package org.hotline.dispatch.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A surge of one category in one district raises one alert, against real Redis. */
class HotSpotDetectorIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        DuplicateFinderIT.await(vertx.close());
    }

    @Test
    void theFifthSimilarAppealInTwoHoursRaisesOneAlertAndOldOrOtherAppealsDoNot() {
        StatefulRedisConnection<String, String> redis = DuplicateFinderIT.await(
                RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/8")).connect());
        redis.sync().flushdb();
        io.vertx.core.Promise<JsonObject> alert = io.vertx.core.Promise.promise();
        vertx.eventBus().<JsonObject>consumer(HotSpotDetector.ADDRESS, m -> alert.tryComplete(m.body()));
        HotSpotDetector detector = new HotSpotDetector(vertx, redis.async(), Duration.ofHours(2), 5);
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");

        List<Boolean> raised = new java.util.ArrayList<>();
        raised.add(DuplicateFinderIT.await(detector.record("岳麓区", "020000", "old", t0.minus(Duration.ofHours(3)))));
        for (int i = 1; i <= 6; i++) {
            raised.add(DuplicateFinderIT.await(detector.record("岳麓区", "020000", "t" + i, t0.plusSeconds(60L * i))));
        }
        raised.add(DuplicateFinderIT.await(detector.record("雨花区", "020000", "x1", t0)));

        assertThat(raised).containsExactly(false, false, false, false, false, true, false, false);
        assertThat(redis.sync().zrange(HotSpotDetector.PREFIX + "岳麓区:020000", 0, -1)).doesNotContain("old");
        JsonObject published = DuplicateFinderIT.await(alert.future());
        assertThat(published.getInteger("count")).isEqualTo(5);
        assertThat(published.getString("message")).contains("岳麓区", "疑似热点");
    }
}
