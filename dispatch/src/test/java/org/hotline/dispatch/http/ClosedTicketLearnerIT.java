package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.stream.RedisKeys;
import org.hotline.dispatch.classify.ClosedTicketLearner;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.RetrainSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closed tickets on the real ticket event stream become training examples, once each. */
@Timeout(60)
class ClosedTicketLearnerIT {

    private DispatchTestServer server;

    @BeforeEach
    void start() {
        server = new DispatchTestServer(13);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClosedTicketTeachesItsFinalCategoryAndDepartmentButOtherEventsDoNot() throws InterruptedException {
        var redis = server.redis.sync();
        redis.xadd(RedisKeys.TICKET_EVENTS, event("TicketClosed", "t1", "城乡建设", "dept-housing"));
        redis.xadd(RedisKeys.TICKET_EVENTS, event("TicketAssigned", "t2", "环境保护", "dept-env"));
        redis.xadd(RedisKeys.TICKET_EVENTS, event("TicketClosed", "t3", "环境保护", "dept-env"));

        learnUntil(2);
        List<LabelledText> corpus = DispatchTestServer.await(server.corpus.readAll());
        assertThat(corpus).extracting(LabelledText::category, LabelledText::department)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("城乡建设", "dept-housing"),
                        org.assertj.core.groups.Tuple.tuple("环境保护", "dept-env"));
        assertThat(corpus.get(0).text()).contains("小区");
        assertThat(redis.xpending(RedisKeys.TICKET_EVENTS, ClosedTicketLearner.GROUP).getCount()).isZero();
    }

    @Test
    void aTicketClosedAfterAnApprovedReturnIsACorrectionAndWeighsMoreThanAnOrdinaryOne() throws InterruptedException {
        var redis = server.redis.sync();
        Map<String, String> misrouted = new java.util.HashMap<>(event("TicketClosed", "t9", "商贸旅游", "dept-market"));
        misrouted.put("ticket", new JsonObject(misrouted.get("ticket")).put("returnCount", 1).encode());
        redis.xadd(RedisKeys.TICKET_EVENTS, misrouted);
        redis.xadd(RedisKeys.TICKET_EVENTS, event("TicketClosed", "t10", "城乡建设", "dept-housing"));

        learnUntil(3);
        List<LabelledText> corpus = DispatchTestServer.await(server.corpus.readAll());
        assertThat(corpus).filteredOn(e -> e.category().equals("商贸旅游")).hasSize(ClosedTicketLearner.CORRECTION_WEIGHT)
                .allMatch(e -> e.department().equals("dept-market"));
        assertThat(corpus).filteredOn(e -> e.category().equals("城乡建设")).hasSize(1);
        assertThat(redis.xrange(org.hotline.dispatch.store.DispatchKeys.TRAINING, io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("source")).contains("correction:t9", "closed:t10");
    }

    @Test
    void aTicketClosedAfterARejectedReturnIsAnOrdinaryExample() throws InterruptedException {
        var redis = server.redis.sync();
        Map<String, String> kept = new java.util.HashMap<>(event("TicketClosed", "t11", "商贸旅游", "dept-market"));
        // one return asked and rejected: the routing was right, approvedReturns stays 0
        kept.put("ticket", new JsonObject(kept.get("ticket")).put("returnCount", 1).put("routing", new JsonObject()
                .put("firstAssignedAt", "2026-12-01T08:00:00Z").put("automatic", true).put("approvedReturns", 0)).encode());
        redis.xadd(RedisKeys.TICKET_EVENTS, kept);

        learnUntil(1);
        List<LabelledText> corpus = DispatchTestServer.await(server.corpus.readAll());
        assertThat(corpus).filteredOn(e -> e.category().equals("商贸旅游")).hasSize(1);
        assertThat(redis.xrange(org.hotline.dispatch.store.DispatchKeys.TRAINING, io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("source")).contains("closed:t11").doesNotContain("correction:t11");
    }

    /** Deploys the learner and waits until it has acknowledged every event and the corpus holds {@code examples}. */
    private void learnUntil(int examples) throws InterruptedException {
        var redis = server.redis.sync();
        DispatchTestServer.await(server.vertx.deployVerticle(new ClosedTicketLearner(server.corpus, server.classifier,
                new RetrainSchedule(server.vertx, server.classifier::retrain, 0.1, Duration.ofHours(1)))
                .group(server.redis.async(), "test", Duration.ofMillis(50))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // learning ends with the acknowledgement, after the examples were appended
        while (redis.xpending(RedisKeys.TICKET_EVENTS, ClosedTicketLearner.GROUP).getCount() > 0
                || redis.xlen(org.hotline.dispatch.store.DispatchKeys.TRAINING) < examples) {
            assertThat(System.nanoTime()).as("learned within 20 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static Map<String, String> event(String type, String id, String category, String department) {
        JsonObject ticket = new JsonObject().put("schema", "ticket.v1").put("id", id).put("status", "CLOSED")
                .put("title", "小区问题").put("content", "小区里的问题内容 " + id)
                .put("category", new JsonObject().put("code", category).put("name", category))
                .put("leadDepartment", department);
        return Map.of("ticketId", id, "number", "12345-20261122-000001", "version", "9", "type", type,
                "at", "2026-11-22T10:00:00Z", "event", "{}", "ticket", ticket.encode());
    }
}
