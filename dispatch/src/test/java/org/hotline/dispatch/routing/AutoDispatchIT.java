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
    private static final Instant LAST_YEAR = Instant.parse("2025-01-01T00:00:00Z");
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    /** What a test works with: real Redis (one database), the real ticket service, a trained classifier, auto-dispatch. */
    private record Setup(TicketService tickets, RedisRoutingRules rules, DispatcherQueue queue,
            RedisAutoAssignPolicy policies) {
    }

    /**
     * Trains on the evaluation set with each category under {@code codeOf.get(name)} (seed-catalog codes, or the
     * names themselves as a history import creates them), with a city-wide rule per code when {@code ruleFor}
     * names one, then deploys auto-dispatch at a uniform threshold of 0.6.
     */
    private Setup start(int database, Map<String, String> codeOf, java.util.function.Function<String, RoutingRule> ruleFor)
            throws IOException {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/" + database));
        StatefulRedisConnection<String, String> connection = await(connector.connect());
        connection.sync().flushdb();
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        TicketService tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(),
                TicketServiceConfig.defaults());
        RedisCatalog catalog = new RedisCatalog(vertx, connection.async());
        RedisTrainingCorpus corpus = new RedisTrainingCorpus(vertx, connection.async());
        RedisRoutingRules rules = new RedisRoutingRules(vertx, connection.async());
        List<Future<?>> setup = new ArrayList<>();
        codeOf.values().forEach(code -> {
            setup.add(catalog.put(new CatalogEntry(code, code, null, List.of())));
            RoutingRule rule = ruleFor.apply(code);
            if (rule != null) {
                setup.add(rules.put(rule));
            }
        });
        for (JsonObject row : evalSet()) {
            String code = codeOf.get(row.getString("category"));
            setup.add(corpus.append(new LabelledText(LabelledText.appealText(row.getString("title"),
                    row.getString("content"), null), code, null), "test"));
        }
        await(Future.all(setup));
        ClassifierConfig config = ClassifierConfig.defaults();
        Classifier classifier = new Classifier(vertx, new TextFeatures(new HanLpSegmenter(), config.maxCharGram()),
                config, catalog, corpus, Clock.systemUTC());
        assertThat(await(classifier.retrain()).trained()).isTrue();
        DispatcherQueue queue = new DispatcherQueue(vertx, connection.async());
        RedisAutoAssignPolicy policies = new RedisAutoAssignPolicy(vertx, connection.async());
        await(policies.put(AutoAssignPolicy.uniform(0.6)));
        await(vertx.deployVerticle(new AutoDispatch(classifier, rules, policies,
                tickets, queue, new org.hotline.dispatch.duplicate.HotSpotDetector(vertx, connection.async(),
                        Duration.ofHours(2), 5), Clock.systemUTC()).group(connection.async(), "it-" + database,
                Duration.ofMillis(50))));
        return new Setup(tickets, rules, queue, policies);
    }

    private static RoutingRule cityRule(String id, int version, String prefix, String lead, String ticketCategory) {
        return new RoutingRule(id, version, prefix, null, null, lead, Level.CITY, List.of(), true, LAST_YEAR, null,
                ticketCategory);
    }

    @Test
    void aClearAppealIsAssignedWithoutAHumanAndAnAmbiguousOneWaitsForADispatcher() throws Exception {
        Setup setup = start(15, SEED_CODES, code -> cityRule("top-" + code, 1, code.substring(0, 2), LEADS.get(code), null));
        TicketService tickets = setup.tickets();
        DispatcherQueue queue = setup.queue();
        RedisAutoAssignPolicy policies = setup.policies();

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

    @Test
    void aCategoryCreatedByAHistoryImportDispatchesAutomaticallyOnceItsRuleNamesTheCatalogCategory() throws Exception {
        Map<String, String> imported = new java.util.HashMap<>();
        SEED_CODES.keySet().forEach(name -> imported.put(name, name)); // codes as an import creates them: 环境保护, ...
        Setup setup = start(1, imported, code -> code.equals("环境保护") ? cityRule("imported-env", 1, code, "environment", null) : null);

        Ticket unmapped = receive(setup.tickets(), "小区门口饭店油烟直排",
                "您好，我住在岳麓区桐梓坡路金色家园3栋，楼下新开的饭店排烟管道直接对着住宅楼，油烟没有净化，窗户都不敢开，请环保部门来查一查！");
        List<JsonObject> waiting = awaitQueue(setup.queue(), items -> !items.isEmpty());
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).getString("reason")).isEqualTo("unknown-category");
        assertThat(waiting.get(0).getString("explanation")).contains("环境保护", "ticketCategory");
        assertThat(await(setup.tickets().load(unmapped.id())).status()).isEqualTo(TicketStatus.RECEIVED);

        // the administrator maps the imported category to the catalog's 020000 in a new version of its rule
        await(setup.rules().put(cityRule("imported-env", 2, "环境保护", "environment", "020000")));
        Ticket mapped = receive(setup.tickets(), "饭店油烟扰民",
                "楼下饭店的油烟每天直排进我们小区，排烟管道没有净化装置，家里全是油烟味，请环保部门来检查处理。");
        Ticket assigned = awaitStatus(setup.tickets(), mapped, TicketStatus.ASSIGNED);
        assertThat(assigned.leadDepartment()).isEqualTo("environment");
        assertThat(assigned.category().code()).isEqualTo("020000");
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
