package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.linkage110.LinkageHarness.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.linkage110.transfer.Transfer;
import org.hotline.linkage110.transfer.TransferStatus;
import org.hotline.linkage110.transfer.UpdateType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 110 -> 12345 against the simulated 110 platform in its own JVM and a real Redis. */
class IncomingExchangeIT {

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
    void policeOrderBecomesATicketIsAcknowledgedAndItsResultGoesBackTo110() throws Exception {
        JsonObject answer = peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-A1"));

        assertThat(answer.getInteger("status")).isEqualTo(202);
        assertThat(ours.intake.tickets).containsEntry("110-A1", "ticket-110-A1");
        Transfer received = await(ours.linkage.transfers().get("110-A1"));
        assertThat(received.status()).isEqualTo(TransferStatus.ACKNOWLEDGED);
        assertThat(received.ticketId()).isEqualTo("ticket-110-A1");
        assertThat(received.resultDueAt()).isNotNull();
        awaitPeerUpdate("110-A1:ACKNOWLEDGED");

        await(ours.linkage.incoming().report("110-A1", UpdateType.RESULT, null, "HANDLED", "已协调施工单位停止夜间施工", "城关区城管局"));

        JsonObject result = awaitPeerUpdate("110-A1:RESULT");
        assertThat(result.getJsonObject("result").getString("text")).isEqualTo("已协调施工单位停止夜间施工");
        JsonObject from110 = await(ours.linkage.stats().report()).getJsonObject("from110");
        assertThat(from110.getLong("created")).isEqualTo(1);
        assertThat(from110.getLong("acknowledged")).isEqualTo(1);
        assertThat(from110.getLong("resulted")).isEqualTo(1);
        assertThat(from110.getLong("resultsLate")).isZero();
    }

    @Test
    void policeOrderOutsideTheListIsRejectedBackTo110WithAReason() throws Exception {
        peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-B1").put("listCode", "F110-99"));

        JsonObject rejected = awaitPeerUpdate("110-B1:REJECTED");

        assertThat(rejected.getString("reason")).contains("F110-99");
        assertThat(ours.intake.tickets).isEmpty();
        assertThat(await(ours.linkage.stats().report()).getJsonObject("from110").getLong("bounces")).isEqualTo(1);
    }

    @Test
    void badSignatureAndStaleTimestampAreRefusedWithoutEffect() {
        JsonObject forged = peer.admin("/admin/police-orders",
                new JsonObject().put("transferId", "110-C1").put("tamper", "signature"));
        JsonObject stale = peer.admin("/admin/police-orders",
                new JsonObject().put("transferId", "110-C2").put("tamper", "stale"));

        assertThat(forged.getInteger("status")).isEqualTo(401);
        assertThat(new JsonObject(forged.getString("body")).getString("code")).isEqualTo("linkage110.bad-signature");
        assertThat(stale.getInteger("status")).isEqualTo(401);
        assertThat(new JsonObject(stale.getString("body")).getString("code")).isEqualTo("linkage110.stale-timestamp");
        assertThat(ours.intake.tickets).isEmpty();
    }

    @Test
    void garbageBodyAndUpdatesForUnknownTransfersAreRefusedWithoutEffect() throws Exception {
        JsonObject garbage = peer.admin("/admin/police-orders",
                new JsonObject().put("transferId", "110-H1").put("tamper", "garbage"));
        JsonObject unknown = peer.admin("/admin/updates", new JsonObject().put("transferId", "12345-nope"));

        assertThat(garbage.getInteger("status")).isEqualTo(400);
        assertThat(unknown.getInteger("status")).isEqualTo(404);
        assertThat(ours.intake.tickets).isEmpty();
        assertThat(await(ours.linkage.transfers().find("110-H1"))).isNull();
    }

    @Test
    void replayedRequestIsRefusedAndCreatesNoSecondTicket() {
        peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-D1"));

        JsonObject replay = peer.admin("/admin/replay-last", new JsonObject());

        assertThat(replay.getInteger("status")).isEqualTo(409);
        assertThat(new JsonObject(replay.getString("body")).getString("code")).isEqualTo("linkage110.replay");
        assertThat(ours.intake.orders).hasSize(1);
    }

    @Test
    void repeatedOrderWithTheSameIdempotencyKeyIsAnsweredAgainButAppliedOnce() throws Exception {
        JsonObject first = peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-E1"));
        JsonObject again = peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-E1"));

        assertThat(first.getInteger("status")).isEqualTo(202);
        assertThat(again.getInteger("status")).isEqualTo(202);
        assertThat(new JsonObject(again.getString("body")).getBoolean("duplicate")).isTrue();
        assertThat(ours.intake.orders).hasSize(1);
        assertThat(await(ours.linkage.stats().report()).getJsonObject("from110").getLong("created")).isEqualTo(1);
    }

    @Test
    void resultIsStillDeliveredWhen110WasDownWhenItWasReported() throws Exception {
        peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-F1"));
        awaitPeerUpdate("110-F1:ACKNOWLEDGED");
        peer.mode("DOWN", 0);

        await(ours.linkage.incoming().report("110-F1", UpdateType.RESULT, null, "HANDLED", "已修复路灯", "市政所"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !ours.connection.sync().hgetall(LinkageKeys.OUTBOX_ATTEMPTS).isEmpty());
        peer.mode("NORMAL", 0);

        awaitPeerUpdate("110-F1:RESULT");
        assertThat(peer.state().getJsonObject("deliveries").getInteger("110-F1:RESULT")).isEqualTo(1);
    }

    @Test
    void ticketEventsOfAPoliceOrderTicketReportProgressAndResultTo110() throws Exception {
        peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-G1"));
        awaitPeerUpdate("110-G1:ACKNOWLEDGED");

        appendTicketEvent("ticket-110-G1", 2, "TicketAssigned", new JsonObject().put("lead", "dept-urban"));
        appendTicketEvent("ticket-other", 2, "TicketReplied", new JsonObject().put("result", "SOLVED").put("text", "无关"));
        appendTicketEvent("ticket-110-G1", 5, "TicketReplied", new JsonObject().put("result", "SOLVED")
                .put("text", "城管已责令工地停止夜间施工")
                .put("actor", new JsonObject().put("departmentId", "dept-urban")));

        JsonObject result = awaitPeerUpdate("110-G1:RESULT");
        assertThat(result.getJsonObject("result").getString("text")).isEqualTo("城管已责令工地停止夜间施工");
        assertThat(result.getJsonObject("result").getString("handledBy")).isEqualTo("dept-urban");
        assertThat(peer.state().getJsonArray("updates").stream().map(u -> ((JsonObject) u).getString("type")))
                .containsExactlyInAnyOrder("ACKNOWLEDGED", "IN_PROGRESS", "RESULT");
        assertThat(await(ours.linkage.transfers().get("110-G1")).status()).isEqualTo(TransferStatus.RESULTED);
    }

    private void appendTicketEvent(String ticketId, int version, String type, JsonObject event) {
        ours.connection.sync().xadd(org.hotline.core.stream.RedisKeys.TICKET_EVENTS, java.util.Map.of(
                "ticketId", ticketId, "number", "12345-20261122-000123", "version", Integer.toString(version),
                "type", type, "at", java.time.Instant.now().toString(),
                "event", event.put("type", type).encode(), "ticket", new JsonObject().put("schema", "ticket.v1")
                        .put("id", ticketId).put("number", "12345-20261122-000123").encode()));
    }

    private JsonObject awaitPeerUpdate(String updateId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> peerUpdate(updateId) != null);
        return peerUpdate(updateId);
    }

    private JsonObject peerUpdate(String updateId) {
        return peer.state().getJsonArray("updates").stream().map(JsonObject.class::cast)
                .filter(u -> updateId.equals(u.getString("updateId"))).findFirst().orElse(null);
    }
}
