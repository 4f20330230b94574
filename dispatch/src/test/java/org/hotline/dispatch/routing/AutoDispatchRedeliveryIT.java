package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.dispatch.routing.AutoDispatchIT.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.Urgency;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.core.wire.SeedLoader;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.duplicate.HotSpotDetector;
import org.hotline.dispatch.routing.RoutingRule.Level;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On real Redis, the restart after a kill -9: the node had read the TicketReceived entries and died
 * after classifying one ticket and after assigning another, before acknowledging. The restarted
 * consumer gets both entries again and must act on the tickets as they are now.
 */
@Timeout(120)
class AutoDispatchRedeliveryIT {

    private static final Actor DEAD_NODE = Actor.system("auto-dispatch");
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aRedeliveredEntryNeitherClassifiesTwiceNorQueuesADecidedTicket() throws Exception {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/15"));
        StatefulRedisConnection<String, String> connection = await(connector.connect());
        RedisCommands<String, String> sync = connection.sync();
        sync.flushdb();
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        TicketService tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(),
                TicketServiceConfig.defaults());
        RedisCatalog catalog = new RedisCatalog(vertx, connection.async());
        RedisRoutingRules rules = new RedisRoutingRules(vertx, connection.async());
        await(catalog.put(new CatalogEntry("020000", "环境保护", "environment", List.of("油烟", "噪音"))));
        await(rules.put(new RoutingRule("top-020000", 1, "02", null, null, "environment", Level.CITY, List.of(), true,
                Instant.parse("2025-01-01T00:00:00Z"), null)));
        sync.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "$"), AutoDispatch.GROUP,
                XGroupCreateArgs.Builder.mkstream());

        Ticket classifiedByTheDead = receive(tickets, "饭店油烟直排", "楼下饭店油烟直排进住宅楼，请环保部门查处。");
        Ticket assignedByTheDead = receive(tickets, "夜间施工噪音", "工地每天夜里施工噪音扰民，请尽快处理。");
        // the node that died had read both entries, never acknowledged them
        assertThat(sync.xreadgroup(Consumer.from(AutoDispatch.GROUP, "node-1"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS))).hasSize(2);
        Category environment = tickets.seed().categories().find("020000").orElseThrow();
        await(tickets.apply(classifiedByTheDead.id(), new Command.Classify(environment, null, null, "自动分类"), DEAD_NODE));
        await(tickets.apply(assignedByTheDead.id(), new Command.Classify(environment, null, null, "自动分类"), DEAD_NODE));
        await(tickets.apply(assignedByTheDead.id(), new Command.Assign("environment", Set.of(), "自动派单"), DEAD_NODE));
        // the events those commands wrote were handled by a later page of the node, acknowledged before the kill
        List<String> later = sync.xreadgroup(Consumer.from(AutoDispatch.GROUP, "node-1"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS)).stream().map(m -> m.getId()).toList();
        assertThat(later).isNotEmpty();
        sync.xack(RedisKeys.TICKET_EVENTS, AutoDispatch.GROUP, later.toArray(String[]::new));

        ClassifierConfig config = ClassifierConfig.defaults();
        Classifier classifier = new Classifier(vertx, new TextFeatures(new HanLpSegmenter(), config.maxCharGram()),
                config, catalog, new RedisTrainingCorpus(vertx, connection.async()), Clock.systemUTC());
        assertThat(classifier.ready().isComplete()).as("not ready before its first training").isFalse();
        classifier.retrain(); // empty corpus: keyword rules serve, the classifier becomes ready
        await(classifier.ready());
        DispatcherQueue queue = new DispatcherQueue(vertx, connection.async());
        RedisAutoAssignPolicy policies = new RedisAutoAssignPolicy(vertx, connection.async());
        await(policies.put(AutoAssignPolicy.uniform(0.3)));
        await(vertx.deployVerticle(new AutoDispatch(classifier, rules, policies, tickets,
                queue, new HotSpotDetector(vertx, connection.async(), Duration.ofHours(2), 5), Clock.systemUTC())
                .group(connection.async(), "node-1", Duration.ofMillis(50))));

        // assigning writes new events the group reads in turn: wait until it has read to the end and acknowledged all
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // drained twice in a row: between reading the last entry and its acknowledgement a commit may append another
        int quietLooks = 0;
        while (quietLooks < 2 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            quietLooks = drained(sync) ? quietLooks + 1 : 0;
        }
        assertThat(sync.xpending(RedisKeys.TICKET_EVENTS, AutoDispatch.GROUP).getCount()).isZero();
        for (TicketId id : List.of(classifiedByTheDead.id(), assignedByTheDead.id())) {
            assertThat(await(tickets.load(id)).status()).isEqualTo(TicketStatus.ASSIGNED);
            List<String> types = await(tickets.history(id)).stream().map(StreamEvent::type).toList();
            assertThat(types).filteredOn("TicketClassified"::equals).hasSize(1);
            assertThat(types).filteredOn("TicketAssigned"::equals).hasSize(1);
        }
        assertThat(await(queue.oldest(10))).as("nothing waits for a dispatcher").isEmpty();
    }

    private static boolean drained(RedisCommands<String, String> sync) {
        if (sync.xpending(RedisKeys.TICKET_EVENTS, AutoDispatch.GROUP).getCount() > 0) {
            return false;
        }
        String newest = sync.xrevrange(RedisKeys.TICKET_EVENTS, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(1)).get(0).getId();
        for (Object group : sync.xinfoGroups(RedisKeys.TICKET_EVENTS)) {
            List<?> fields = (List<?>) group;
            int name = fields.indexOf("name");
            int delivered = fields.indexOf("last-delivered-id");
            if (AutoDispatch.GROUP.equals(fields.get(name + 1))) {
                return newest.equals(fields.get(delivered + 1));
            }
        }
        return false;
    }

    private static Ticket receive(TicketService tickets, String title, String content) {
        return await(tickets.receive(new NewAppeal(Channel.WEB, AppealType.COMPLAINT, Urgency.NORMAL, title, content,
                new Caller("李四", "13900139000", false, false), null, List.of()), Actor.agent("web", "网站"), null));
    }
}
