package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.linkage110.LinkageHarness.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.linkage110.transfer.Transfer;
import org.hotline.linkage110.transfer.TransferRequest;
import org.hotline.linkage110.transfer.TransferStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 12345 -> 110 against the simulated 110 platform in its own JVM and a real Redis. */
class OutgoingExchangeIT {

    private static PeerProcess peer;
    private LinkageHarness ours;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = PeerProcess.start(LinkageHarness.SECRET);
    }

    @AfterAll
    static void stopPeer() throws Exception {
        peer.close();
    }

    @BeforeEach
    void start() throws Exception {
        peer.admin("/admin/reset", new JsonObject());
        ours = new LinkageHarness(LinkageHarness.config(peer.exchangeUrl()));
        peer.admin("/admin/hotline", new JsonObject().put("url", ours.url()));
    }

    @AfterEach
    void stop() throws Exception {
        ours.close();
    }

    @Test
    void workOrderIsAcknowledgedAndClosedWithTheResultOf110() throws Exception {
        Transfer sent = await(ours.linkage.outgoing().send(request("有人正在撬我家门", "小偷还在楼道里")));

        Transfer done = awaitStatus(sent.id(), TransferStatus.RESULTED);

        assertThat(done.listCode()).isEqualTo("T110-01");
        assertThat(done.listVersion()).isEqualTo(1);
        assertThat(done.acknowledgedAt()).isNotNull();
        assertThat(done.resultText()).isEqualTo("民警已到场处置完毕");
        JsonObject state = peer.state();
        assertThat(state.getJsonArray("orders")).hasSize(1);
        assertThat(state.getJsonArray("orders").getJsonObject(0).getString("transferId")).isEqualTo(sent.id());
        JsonObject to110 = await(ours.linkage.stats().report()).getJsonObject("to110");
        assertThat(to110.getLong("created")).isEqualTo(1);
        assertThat(to110.getLong("acknowledged")).isEqualTo(1);
        assertThat(to110.getLong("resulted")).isEqualTo(1);
        assertThat(to110.getDouble("feedbackCompleteness")).isEqualTo(1.0);
    }

    @Test
    void rejectedTransferCarriesTheReasonReachesTheDispatcherAndCountsAsBounce() throws Exception {
        peer.mode("REJECT", 0);
        Transfer sent = await(ours.linkage.outgoing().send(request("楼下有人持刀打架", "")));

        Transfer rejected = awaitStatus(sent.id(), TransferStatus.REJECTED);

        assertThat(rejected.reason()).contains("不属于公安机关职责范围");
        List<JsonObject> queue = await(ours.linkage.dispatcher().latest(LinkageKeys.DISPATCHER_QUEUE, 10));
        assertThat(queue).singleElement().satisfies(entry -> {
            assertThat(entry.getString("transferId")).isEqualTo(sent.id());
            assertThat(entry.getString("kind")).isEqualTo("REJECTED_BY_110");
        });
        assertThat(await(ours.linkage.stats().report()).getJsonObject("to110").getLong("bounces")).isEqualTo(1);
    }

    @Test
    void peerDownForAWhileLosesNothingAndDoublesNothing() throws Exception {
        peer.mode("DOWN", 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(await(ours.linkage.outgoing().send(request("路口车祸有人受伤" + i, ""))).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> everyAttemptCountAtLeast(2, 5));
        peer.mode("NORMAL", 0);

        for (String id : ids) {
            awaitStatus(id, TransferStatus.RESULTED);
        }
        JsonObject state = peer.state();
        assertThat(state.getJsonArray("orders")).hasSize(5);
        assertThat(state.getJsonArray("orders").stream().map(o -> ((JsonObject) o).getString("transferId")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(state.getJsonObject("deliveries").getMap()).containsOnlyKeys(ids.toArray(String[]::new));
        assertThat(ours.connection.sync().xlen(LinkageKeys.OUTBOX_PARKED)).isZero();
        JsonObject to110 = await(ours.linkage.stats().report()).getJsonObject("to110");
        assertThat(to110.getLong("acknowledged")).isEqualTo(5);
        assertThat(to110.getLong("resulted")).isEqualTo(5);
    }

    @Test
    void outboxRestartedAfterACrashDeliversWhatWasPendingExactlyOnce() throws Exception {
        ours.stopOutbox();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(await(ours.linkage.outgoing().send(request("有人抢劫" + i, ""))).id());
        }
        // as if the process died after reading the entries but before their first attempt settled
        String self = LinkageHarness.config(peer.exchangeUrl()).consumerName();
        assertThat(readAs(self)).hasSize(3);

        ours.startOutbox();

        for (String id : ids) {
            awaitStatus(id, TransferStatus.RESULTED);
        }
        assertThat(peer.state().getJsonArray("orders").stream().map(o -> ((JsonObject) o).getString("transferId")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(await(ours.linkage.stats().report()).getJsonObject("to110").getLong("resulted")).isEqualTo(3);
    }

    @Test
    void ordersADeadNodeReadButNeverScheduledAreDeliveredOnceByAnotherNode() throws Exception {
        ours.stopOutbox();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(await(ours.linkage.outgoing().send(request("有人入室盗窃" + i, ""))).id());
        }
        // the node is gone for good: it read the entries, they sit in its pending list, none attempted
        assertThat(readAs("linkage-dead-node")).hasSize(3);

        var config = LinkageHarness.config(peer.exchangeUrl());
        var otherNode = new Linkage110(ours.vertx, ours.connection.async(),
                config.withLiveCalls(config.policeLine(), "linkage-node-b"), ours.intake, java.time.Clock.systemUTC());
        await(ours.vertx.deployVerticle(otherNode.outboxVerticle(Duration.ofMillis(300))));

        for (String id : ids) {
            awaitStatus(id, TransferStatus.RESULTED);
        }
        assertThat(peer.state().getJsonArray("orders").stream().map(o -> ((JsonObject) o).getString("transferId")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ours.connection.sync().xpending(LinkageKeys.OUTBOX, LinkageKeys.OUTBOX_GROUP).getCount()).isZero();
    }

    @Test
    void garbageAnswersAreRetriedThenParkedForTheDispatcher() throws Exception {
        peer.mode("GARBAGE", 0);
        Transfer sent = await(ours.linkage.outgoing().send(request("小区里有人聚众赌博", "")));

        Transfer parked = awaitStatus(sent.id(), TransferStatus.PARKED);

        assertThat(parked.reason()).contains("garbage");
        assertThat(peer.state().getInteger("hits")).isEqualTo(5);
        var entries = ours.connection.sync().xrange(LinkageKeys.OUTBOX_PARKED, io.lettuce.core.Range.create("-", "+"));
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.getBody()).containsEntry("transferId", sent.id()));
        assertThat(await(ours.linkage.dispatcher().latest(LinkageKeys.DISPATCHER_QUEUE, 10)))
                .singleElement().satisfies(e -> assertThat(e.getString("kind")).isEqualTo("ORDER_UNDELIVERABLE"));
        assertThat(ours.connection.sync().xlen(LinkageKeys.OUTBOX)).isZero();
    }

    @Test
    void parkedOrderSentAgainByTheDispatcherClosesTheLoop() throws Exception {
        peer.mode("GARBAGE", 0);
        Transfer sent = await(ours.linkage.outgoing().send(request("有人纵火", "")));
        awaitStatus(sent.id(), TransferStatus.PARKED);
        String parkedId = ours.connection.sync().xrange(LinkageKeys.OUTBOX_PARKED, io.lettuce.core.Range.create("-", "+"))
                .get(0).getId();
        peer.mode("NORMAL", 0);

        await(ours.linkage.outgoing().retryParked(parkedId));

        awaitStatus(sent.id(), TransferStatus.RESULTED);
        assertThat(ours.connection.sync().xlen(LinkageKeys.OUTBOX_PARKED)).isZero();
        assertThat(peer.state().getJsonArray("orders")).hasSize(1);
    }

    @Test
    void slowPeerPastTheTimeoutGetsTheOrderAgainButAppliesItOnce() throws Exception {
        peer.mode("DELAY", 1500);
        Transfer sent = await(ours.linkage.outgoing().send(request("有人站在楼顶要跳楼", "")));
        await().atMost(Duration.ofSeconds(20)).until(() -> peer.state().getJsonArray("orders").size() == 1);
        peer.mode("NORMAL", 0);

        awaitStatus(sent.id(), TransferStatus.RESULTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> ours.connection.sync().xlen(LinkageKeys.OUTBOX) == 0);

        JsonObject state = peer.state();
        assertThat(state.getJsonArray("orders")).hasSize(1);
        assertThat(state.getJsonObject("deliveries").getInteger(sent.id())).isGreaterThanOrEqualTo(2);
        assertThat(state.getJsonArray("updates")).isEmpty();
        assertThat(await(ours.linkage.stats().report()).getJsonObject("to110").getLong("resulted")).isEqualTo(1);
    }

    private boolean everyAttemptCountAtLeast(int attempts, int messages) {
        var all = ours.connection.sync().hgetall(LinkageKeys.OUTBOX_ATTEMPTS);
        return all.size() == messages && all.values().stream().allMatch(v -> Integer.parseInt(v) >= attempts);
    }

    private Transfer awaitStatus(String id, TransferStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> await(ours.linkage.transfers().get(id)).status() == status);
        try {
            return await(ours.linkage.transfers().get(id));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TransferRequest request(String title, String content) {
        return new TransferRequest("t-" + title.hashCode(), "12345-20261122-000001", null, title, content,
                "城关区", "人民路1号", "李四", "13900139000");
    }

    private List<io.lettuce.core.StreamMessage<String, String>> readAs(String consumer) {
        return ours.connection.sync().xreadgroup(io.lettuce.core.Consumer.from(LinkageKeys.OUTBOX_GROUP, consumer),
                io.lettuce.core.XReadArgs.Builder.count(100), io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(LinkageKeys.OUTBOX));
    }
}
