package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Optional;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two administrators' edits checked against the same version: the second save is refused, not applied (real Redis). */
class RedisPolicyStoreIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    @Test
    void aSaveCheckedAgainstAnOlderVersionIsRefusedAndChangesNothing() {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        var redis = Await.result(connector.connect()).async();
        RedisPolicyStore store = new RedisPolicyStore(vertx, redis, "policy-cas-" + Commits.newId() + ":");
        long seen = Await.result(store.version());

        Optional<Long> first = Await.result(store.saveDepartment("s.a", "{\"id\":\"s.a\",\"name\":\"甲街道\"}", seen));
        Optional<Long> second = Await.result(store.saveDepartment("s.a", "{\"id\":\"s.a\",\"name\":\"乙街道\"}", seen));
        Optional<Long> staleCategory = Await.result(store.saveCategory("010199", "{\"code\":\"010199\"}", seen));

        assertThat(first).contains(seen + 1);
        assertThat(second).isEmpty();
        assertThat(staleCategory).isEmpty();
        RedisPolicyStore.Stored stored = Await.result(store.load());
        assertThat(stored.version()).isEqualTo(seen + 1);
        assertThat(stored.departments()).containsEntry("s.a", "{\"id\":\"s.a\",\"name\":\"甲街道\"}");
        assertThat(stored.categories()).isEmpty();
        assertThat(Await.result(store.saveCategory("010199", "{\"code\":\"010199\"}", seen + 1))).contains(seen + 2);
        Await.result(connector.close());
    }
}
