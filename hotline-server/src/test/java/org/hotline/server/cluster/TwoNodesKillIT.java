package org.hotline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.stream.RedisKeys;
import org.hotline.dispatch.routing.DispatcherQueue;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.system.HistorySeed;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealElasticsearch;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two server processes on loopback, clustered through Hazelcast, against one real Redis and one
 * real Elasticsearch. The test JVM joins the cluster as a third member to publish and listen.
 */
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesKillIT {

    private static final Path LOGS = Path.of("target", "cluster-it");
    private static final String INDEXED = "hotline.search.indexed";

    static RealRedis redis;
    static RealElasticsearch elasticsearch;
    static ClusterApi api;
    static ServerNode nodeA;
    static ServerNode nodeB;
    static Vertx member;
    static Vertx clients;
    static RedisClient redisClient;
    static RedisCommands<String, String> commands;
    static TicketLedger afterTheCrash;
    static List<String> queuedAfterAssignment;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        redis = RealRedis.startNew(RealRedis.Options.defaults());
        elasticsearch = RealElasticsearch.shared();
        api = new ClusterApi(elasticsearch.url());
        api.wipeSearchIndices();
        int[] hazelcast = {FreePort.pick(), FreePort.pick(), FreePort.pick()};
        List<String> members = List.of("127.0.0.1:" + hazelcast[0], "127.0.0.1:" + hazelcast[1], "127.0.0.1:" + hazelcast[2]);
        String cluster = "it-" + ProcessHandle.current().pid();
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_REDIS_URI", redis.uri(), "HOTLINE_ES_URLS", elasticsearch.url(),
                "HOTLINE_JWT_SECRET", "cluster-it-secret-0123456789-abcdefghij", "HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", ClusterApi.ADMIN_PASSWORD,
                "HOTLINE_HTTP_HOST", "127.0.0.1", "HOTLINE_CLUSTER", "hazelcast", "HOTLINE_CLUSTER_NAME", cluster,
                "HOTLINE_CLUSTER_MEMBERS", String.join(",", members)));
        nodeA = node("node-a", env, hazelcast[0]);
        nodeA.start(Duration.ofMinutes(4));
        // the history trains node A's classifier and lands in Redis, where node B loads it at start
        api.importHistory(nodeA, HistorySeed.importBody());
        nodeB = node("node-b", env, hazelcast[1]);
        nodeB.start(Duration.ofMinutes(4));
        member = NodeVertx.create(new VertxOptions(), new HotlineConfig.Cluster(HotlineConfig.ClusterMode.HAZELCAST, cluster,
                "127.0.0.1", hazelcast[2], 0, members));
        clients = Vertx.vertx();
        redisClient = RedisClient.create(redis.uri());
        commands = redisClient.connect().sync();
    }

    private static ServerNode node(String id, Map<String, String> common, int hazelcastPort) {
        Map<String, String> env = new HashMap<>(common);
        env.put("HOTLINE_HTTP_PORT", String.valueOf(FreePort.pick()));
        env.put("HOTLINE_CLUSTER_PORT", String.valueOf(hazelcastPort));
        env.put("HOTLINE_DATA_DIR", LOGS.resolve(id + "-data").toAbsolutePath().toString());
        return new ServerNode(id, env, LOGS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServerNode node : new ServerNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (member != null) {
            member.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (clients != null) {
            clients.close();
        }
        if (redisClient != null) {
            redisClient.shutdown();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void aDashboardStreamOnNodeBReceivesAnEventPublishedOnAnotherNode() throws Exception {
        LinkedBlockingQueue<String> events = api.dashboardEvents(nodeB);
        assertThat(events.poll(30, TimeUnit.SECONDS)).as("the summary sent on connecting").isEqualTo("summary");

        String pushed = null;
        for (int attempt = 0; attempt < 40 && pushed == null; attempt++) {
            // repeated until node B's subscription has spread through the cluster
            member.eventBus().publish(INDEXED, 1);
            pushed = events.poll(500, TimeUnit.MILLISECONDS);
        }

        assertThat(pushed).as("a summary pushed on node B by an event from the test's cluster member").isEqualTo("summary");
    }

    @Test
    @Order(2)
    void aNodeKilledUnderLoadLosesNoAcceptedAppealAndNothingHappensTwice() throws Exception {
        AtomicInteger indexedElsewhere = new AtomicInteger();
        member.eventBus().<Integer>consumer(INDEXED, m -> indexedElsewhere.incrementAndGet());
        List<ServerNode> both = List.of(nodeA, nodeB);
        List<ServerNode> survivor = List.of(nodeB);
        var live = new java.util.concurrent.atomic.AtomicReference<>(both);
        AppealLoad load = new AppealLoad(clients, HistorySeed.lines(), live::get);
        long rescorer = clients.setPeriodic(1000, t -> clients.executeBlocking(() -> rescoreYellowAlarmsOfAssignedTickets()));

        load.start(120);
        TimeUnit.SECONDS.sleep(20); // steady load on both nodes before the crash
        nodeA.kill();
        live.set(survivor);
        TimeUnit.SECONDS.sleep(20); // and on the survivor alone after it
        load.stop();
        api.await(Duration.ofMinutes(1), load::idle);
        // as the orchestrator's restart policy does: the node comes back under its own name and
        // resumes the stream entries it had read but not acknowledged
        nodeA.start(Duration.ofMinutes(4));

        Map<String, String> accepted = load.accepted();
        assertThat(load.refused()).as("appeals refused even after retries").isEmpty();
        assertThat(accepted).hasSizeGreaterThan(100);
        api.await(Duration.ofMinutes(5), () -> everyAcceptedTicketIsDispatched(accepted.keySet()));
        clients.cancelTimer(rescorer);
        TicketLedger ledger = TicketLedger.read(commands);
        long assigned = accepted.keySet().stream().filter(number -> ledger.count(ledger.idOf(number), "TicketAssigned") > 0).count();
        api.await(Duration.ofMinutes(3), () -> api.indexedAssigned(accepted.keySet()) == assigned);
        afterTheCrash = ledger;

        assertThat(ledger.ticketsByPhone()).as("each citizen's appeal (one phone each) stored as one ticket, retries included")
                .allSatisfy((phone, tickets) -> assertThat(tickets).as(phone).isEqualTo(1));
        for (String number : accepted.keySet()) {
            assertThat(ledger.idsByNumber().get(number)).as(number + " stored once").hasSize(1);
            String id = ledger.idOf(number);
            assertThat(ledger.count(id, "TicketReceived")).as(number + " received once").isEqualTo(1);
            assertThat(ledger.count(id, "TicketAssigned")).as(number + " assigned once, or queued for a dispatcher")
                    .isEqualTo(waitsForADispatcher(id) && ledger.count(id, "TicketAssigned") == 0 ? 0 : 1);
        }
        queuedAfterAssignment = accepted.keySet().stream().map(ledger::idOf)
                .filter(id -> waitsForADispatcher(id) && ledger.count(id, "TicketAssigned") > 0).toList();
        assertThat(assigned).as("most appeals assigned without a human").isGreaterThan(accepted.size() * 8L / 10);
        assertThat(api.countsByNumber(accepted.keySet())).as("one Elasticsearch document per ticket number")
                .hasSize(accepted.size()).allSatisfy((number, count) -> assertThat(count).isEqualTo(1));
        assertThat(indexedElsewhere.get()).as("indexing events of the server nodes reached the test's member").isPositive();
        System.out.printf("cluster kill: sent=%d accepted=%d assigned=%d retried=%d yellow warnings=%d%n", load.sent(),
                accepted.size(), assigned, load.retried(), ledger.slaWarningsByTicketAndClock().size());
    }

    @Test
    @Order(3)
    void workTheKilledNodeHadHalfDoneIsNotRepeated() {
        assertThat(afterTheCrash).as("the crash scenario ran first").isNotNull();
        assertThat(afterTheCrash.slaWarningsByTicketAndClock())
                .allSatisfy((ticketAndClock, count) -> assertThat(count).as("yellow warnings of " + ticketAndClock).isEqualTo(1));
        assertThat(queuedAfterAssignment).as("assigned tickets waiting in the dispatcher queue").isEmpty();
        assertThat(afterTheCrash.eventsByTicketAndType()).allSatisfy((ticketAndType, count) -> {
            if (ticketAndType.endsWith("|TicketClassified")) {
                assertThat(count).as(ticketAndType).isEqualTo(1);
            }
        });
    }

    /**
     * Automatic dispatch decided: assigned (and its yellow alarms, made due, recorded), or queued for a
     * dispatcher (low confidence, e.g. while a restarted node's classifier is still training).
     */
    private static boolean everyAcceptedTicketIsDispatched(Set<String> numbers) {
        TicketLedger ledger = TicketLedger.read(commands);
        return numbers.stream().allMatch(number -> ledger.idsByNumber().containsKey(number)
                && (waitsForADispatcher(ledger.idOf(number))
                    || ledger.count(ledger.idOf(number), "TicketAssigned") >= 1
                    && ledger.count(ledger.idOf(number), "SlaWarningRecorded") >= 1));
    }

    private static boolean waitsForADispatcher(String ticketId) {
        return commands.zscore(DispatcherQueue.KEY, ticketId) != null;
    }

    /**
     * Deadlines are days away; to see alarms fire while a node dies, the yellow alarms of assigned
     * tickets are made due now (the member, which carries the deadline, stays the same).
     */
    private static Void rescoreYellowAlarmsOfAssignedTickets() {
        try (StatefulRedisConnection<String, String> connection = redisClient.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            TicketLedger ledger = TicketLedger.read(redis);
            long now = System.currentTimeMillis();
            for (ScoredValue<String> alarm : redis.zrangeWithScores(RedisKeys.SLA_ALARMS, 0, -1)) {
                String[] parts = alarm.getValue().split("\\|");
                boolean assigned = ledger.count(parts[0], "TicketAssigned") > 0;
                if (assigned && "YELLOW".equals(parts[2]) && alarm.getScore() > now) {
                    redis.zadd(RedisKeys.SLA_ALARMS, ZAddArgs.Builder.xx(), now, alarm.getValue());
                }
            }
        }
        return null;
    }
}
