package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Vertx;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Smoke test of issue 2: the project's own Redis connector reaches a real Redis and back. */
class LettuceRoundTripIT {

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        Await.result(vertx.close());
    }

    @Test
    void aValueWrittenThroughTheConnectorIsReadBackUnchanged() {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        RedisAsyncCommands<String, String> redis = Await.result(connector.connect()).async();
        String key = "hotline:smoke:" + Commits.newId();

        String read = Await.result(LettuceBridge.toFuture(vertx, redis.set(key, "市民来电：路灯不亮")
                .thenCompose(ok -> redis.get(key))));

        assertThat(read).isEqualTo("市民来电：路灯不亮");
        Await.result(LettuceBridge.toFuture(vertx, redis.del(key)));
        Await.result(connector.close());
    }

    @Test
    void aServerThatDoesNotAnswerIsUnavailable() {
        RedisConnector connector = RedisConnector.create(vertx,
                RedisConfig.of("redis://127.0.0.1:" + org.hotline.testsupport.FreePort.pick()));

        HotlineException failure = Await.failure(connector.connect());

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        Await.result(connector.close());
    }
}
