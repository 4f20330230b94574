package org.hotline.search.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.knowledge.KnowledgeApiIT.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.hotline.core.model.Actor;
import org.hotline.search.TicketSnapshot;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes share one Redis: each node's index follows the other's changes, and a restart rebuilds from Redis. */
class KnowledgeSyncIT {

    static final Actor EDITOR = Actor.supervisor("u1", "王班长");
    final Vertx vertx = Vertx.vertx();
    final RedisClient redis = RedisClient.create(RealRedis.shared().uri());
    StatefulRedisConnection<String, String> connectionA;
    StatefulRedisConnection<String, String> connectionB;
    KnowledgeBase nodeA;
    KnowledgeBase nodeB;

    @BeforeEach
    void start() {
        connectionA = redis.connect();
        connectionB = redis.connect();
        KnowledgeApiIT.wipe(connectionA);
        nodeA = node(connectionA);
        nodeB = node(connectionB);
    }

    private KnowledgeBase node(StatefulRedisConnection<String, String> connection) {
        var node = new KnowledgeBase(vertx, TicketSnapshot.SEGMENTER, Clock.systemUTC(), Duration.ofMillis(100));
        await(node.start(connection));
        return node;
    }

    @AfterEach
    void stop() {
        await(nodeA.close());
        await(nodeB.close());
        await(vertx.close());
        connectionA.close();
        connectionB.close();
        redis.shutdown();
    }

    @Test
    void theSeedIsStoredOnceThoughBothNodesOfferIt() {
        assertThat(connectionA.sync().hlen(KnowledgeStore.ARTICLES)).isEqualTo(22);
        assertThat(connectionA.sync().get(KnowledgeStore.VERSION)).isEqualTo("1");
        assertThat(await(nodeB.search(null, null, null, 50)).total()).isEqualTo(22);
    }

    @Test
    void anArticleWrittenOnOneNodeIsFoundOnTheOtherAfterAPoll() {
        Article created = await(nodeA.create(new ArticleDraft("供暖费缴纳时间", "供暖费一般在每年供暖季开始前缴纳。", "110000",
                List.of("供暖"), null), EDITOR));
        assertThat(ids("供暖费什么时候交", nodeA)).containsExactly(created.id());

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids("供暖费什么时候交", nodeB)).containsExactly(created.id()));

        await(nodeB.delete("KB-S21"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids("停电", nodeA)).doesNotContain("KB-S21"));
    }

    @Test
    void aRestartedNodeRebuildsItsIndexFromRedisAndTheSeedIsNotOfferedAgain() {
        Article created = await(nodeA.create(new ArticleDraft("犬只登记", "养犬人应当到居住地公安派出所办理养犬登记。", null,
                List.of("养犬"), null), EDITOR));
        await(nodeA.delete("KB-S01"));
        await(nodeA.close());

        nodeA = node(connectionA);

        assertThat(ids("犬只登记", nodeA)).first().isEqualTo(created.id());
        assertThat(await(nodeA.search(null, null, null, 50)).total()).isEqualTo(22);
        assertThat(await(nodeA.get(created.id())).title()).isEqualTo("犬只登记");
    }

    private static List<String> ids(String question, KnowledgeBase node) {
        return await(node.search(question, null, null, 10)).articles().stream().map(Article::id).toList();
    }
}
