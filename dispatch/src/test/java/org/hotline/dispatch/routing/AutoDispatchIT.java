package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.core.wire.SeedLoader;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.routing.RoutingRule.Level;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end on real Redis and the real ticket service: a web appeal with realistic text is
 * classified and assigned to the right department with its deadline, without a human; an ambiguous
 * one lands in the dispatcher queue with suggestions.
 */
@Timeout(120)
class AutoDispatchIT {

    private static final Map<String, String> SEED_CODES = Map.of("城乡建设", "010000", "环境保护", "020000",
            "交通运输", "030000", "商贸旅游", "040000", "劳动和社会保障", "050000", "教育文体", "060000", "卫生计生", "070000");
    private static final Map<String, String> LEADS = Map.of("010000", "urban", "020000", "environment",
            "030000", "transport", "040000", "market", "050000", "hrss", "060000", "education", "070000", "health");
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aClearAppealIsAssignedWithoutAHumanAndAnAmbiguousOneWaitsForADispatcher() throws Exception {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/15"));
        StatefulRedisConnection<String, String> connection = await(connector.connect());
        connection.sync().flushdb();
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        TicketService tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(),
                TicketServiceConfig.defaults());
        RedisCatalog catalog = new RedisCatalog(vertx, connection.async());
        RedisTrainingCorpus corpus = new RedisTrainingCorpus(vertx, connection.async());
        RedisRoutingRules rules = new RedisRoutingRules(vertx, connection.async());
        Instant lastYear = Instant.parse("2025-01-01T00:00:00Z");
        List<Future<?>> setup = new ArrayList<>();
        LEADS.forEach((code, lead) -> {
            setup.add(catalog.put(new CatalogEntry(code, code, lead, List.of())));
            setup.add(rules.put(new RoutingRule("top-" + code, 1, code.substring(0, 2), null, null, lead, Level.CITY,
                    List.of(), true, lastYear, null)));
        });
        for (JsonObject row : evalSet()) {
            String code = SEED_CODES.get(row.getString("category"));
            setup.add(corpus.append(new LabelledText(LabelledText.appealText(row.getString("title"),
                    row.getString("content"), null), code, LEADS.get(code)), "test"));
        }
        await(Future.all(setup));
        ClassifierConfig config = ClassifierConfig.defaults();
        Classifier classifier = new Classifier(vertx, new TextFeatures(new HanLpSegmenter(), config.maxCharGram()),
                config, catalog, corpus, Clock.systemUTC());
        assertThat(await(classifier.retrain()).trained()).isTrue();
        DispatcherQueue queue = new DispatcherQueue(vertx, connection.async());
        RedisAutoAssignPolicy policies = new RedisAutoAssignPolicy(vertx, connection.async());
        await(policies.put(AutoAssignPolicy.uniform(0.6)));
        await(vertx.deployVerticle(new AutoDispatch(connection.async(), classifier, rules, policies,
                tickets, queue, new org.hotline.dispatch.duplicate.HotSpotDetector(vertx, connection.async(),
                        Duration.ofHours(2), 5), Clock.systemUTC(), "it-1", Duration.ofMillis(50))));

        Ticket clear = receive(tickets, "小区门口饭店油烟直排",
                "您好，我住在岳麓区桐梓坡路金色家园3栋，楼下新开的一家饭店排烟管道直接对着我们住宅楼，油烟没有经过净化，"
                        + "每天中午晚上满屋子油烟味，窗户都不敢开，家里老人咳嗽得厉害。请环保部门尽快来查一查！");
        Ticket answeredAtFiling = await(tickets.receive(appeal("咨询", "你好，请问这个事情应该找哪个部门？谢谢。"),
                Actor.agent("agent-1", "坐席一"), null, new Command.AnswerDirectly("已告知市民向所在街道办事处咨询。")));
        Ticket vague = receive(tickets, "咨询", "你好，我想问一下这个事情到底应该找谁？谢谢。");

        Ticket assigned = awaitStatus(tickets, clear, TicketStatus.ASSIGNED);
        assertThat(assigned.leadDepartment()).isEqualTo("environment");
        assertThat(assigned.clocks()).isNotEmpty();
        List<JsonObject> waiting = awaitQueue(queue, items -> !items.isEmpty());
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).getString("ticketId")).isEqualTo(vague.id().value());
        assertThat(waiting.get(0).getString("reason")).isEqualTo("low-confidence");
        assertThat(waiting.get(0).getJsonArray("suggestions")).hasSize(3);
        assertThat(await(tickets.load(vague.id())).status()).isEqualTo(TicketStatus.RECEIVED);
        assertThat(await(tickets.load(answeredAtFiling.id())).status()).isEqualTo(TicketStatus.CLOSED);

        await(tickets.apply(vague.id(), new Command.AnswerDirectly("已告知市民办理渠道。"), Actor.agent("agent-1", "坐席一")));
        waiting = awaitQueue(queue, List::isEmpty);
        assertThat(waiting).as("a ticket answered while waiting leaves the dispatcher queue").isEmpty();

        // the administrators' policy is read on every decision: a stricter threshold for one category holds its appeals back
        await(policies.put(new AutoAssignPolicy(0.6, Map.of("020000", 1.0), null, "admin", Instant.now())));
        Ticket heldBack = receive(tickets, "小区门口饭店油烟直排",
                "您好，我住在岳麓区桐梓坡路金色家园5栋，楼下饭店排烟管道直接对着住宅楼，油烟没有净化，窗户都不敢开，请环保部门来查一查！");
        waiting = awaitQueue(queue, items -> !items.isEmpty());
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).getString("ticketId")).isEqualTo(heldBack.id().value());
        assertThat(waiting.get(0).getString("reason")).isEqualTo("low-confidence");
        assertThat(waiting.get(0).getString("explanation")).contains("自动派单阈值 1.00");
        assertThat(waiting.get(0).getJsonArray("suggestions").getJsonObject(0).getString("category")).isEqualTo("020000");
        assertThat(await(tickets.load(heldBack.id())).status()).isEqualTo(TicketStatus.RECEIVED);
    }

    /** The queue's items once they satisfy {@code done}, or as they are after 30 s (the assertions then say what is wrong). */
    private static List<JsonObject> awaitQueue(DispatcherQueue queue, java.util.function.Predicate<List<JsonObject>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<JsonObject> items = await(queue.oldest(10));
        while (!done.test(items) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            items = await(queue.oldest(10));
        }
        return items;
    }

    private static Ticket receive(TicketService tickets, String title, String content) {
        return await(tickets.receive(appeal(title, content), Actor.agent("web", "网站"), null));
    }

    private static NewAppeal appeal(String title, String content) {
        return new NewAppeal(Channel.WEB, AppealType.COMPLAINT, Urgency.NORMAL, title, content,
                new Caller("李四", "13900139000", false, false), null, List.of());
    }

    private static Ticket awaitStatus(TicketService tickets, Ticket ticket, TicketStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Ticket now = await(tickets.load(ticket.id()));
        while (now.status() != status && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            now = await(tickets.load(ticket.id()));
        }
        assertThat(now.status()).isEqualTo(status);
        return now;
    }

    private List<JsonObject> evalSet() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/classification/eval-set.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }
}
