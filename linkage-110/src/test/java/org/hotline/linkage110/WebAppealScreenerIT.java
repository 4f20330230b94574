package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Self-service appeals reach 110 without an agent: a web appeal that names a 110 matter is pushed to
 * the peer process once, even when its stream entry is read again; phone appeals and ordinary web
 * appeals are not pushed.
 */
@Timeout(120)
class WebAppealScreenerIT {

    private static PeerProcess peer;
    private LinkageHarness ours;
    private String screener;

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
        screener = LinkageHarness.await(ours.vertx.deployVerticle(ours.linkage.webAppealScreener()));
    }

    @AfterEach
    void stop() throws Exception {
        LinkageHarness.await(ours.vertx.undeploy(screener));
        ours.close();
    }

    private void received(String id, String channel, String title, String content) {
        JsonObject ticket = new JsonObject().put("schema", "ticket.v1").put("id", id).put("number", "12345-20261122-" + id)
                .put("channel", channel).put("title", title).put("content", content)
                .put("caller", new JsonObject().put("name", "赵六").put("phone", "13800001234"))
                .put("location", new JsonObject().put("district", "东城区").put("address", "人民路1号"));
        ours.connection.sync().xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", id, "number", ticket.getString("number"),
                "version", "1", "type", "TicketReceived", "at", "2026-11-22T08:00:00Z", "event", "{}", "ticket", ticket.encode()));
    }

    private int ordersAt110() throws Exception {
        return peer.state().getJsonArray("orders").size();
    }

    @Test
    void aWebAppealAboutABurglaryInProgressIsPushedTo110Once() throws Exception {
        received("000001", "WEB", "有人正在撬我家门", "小偷还在楼道里，我很害怕");

        await().atMost(Duration.ofSeconds(30)).until(() -> ordersAt110() == 1);
        JsonObject order = peer.state().getJsonArray("orders").getJsonObject(0);
        assertThat(order.encode()).contains("12345-20261122-000001");
        JsonObject to110 = LinkageHarness.await(ours.linkage.stats().report()).getJsonObject("to110");
        assertThat(to110.getLong("created")).isEqualTo(1);

        // the same entry read again (a restarted node re-reads its pending entries) pushes nothing more
        ours.connection.sync().xgroupSetid(io.lettuce.core.XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "0"),
                org.hotline.linkage110.transfer.WebAppealScreener.GROUP);
        Thread.sleep(2_000);
        assertThat(ordersAt110()).isEqualTo(1);
    }

    @Test
    void phoneAppealsAndOrdinaryWebAppealsAreNotPushed() throws Exception {
        received("000002", "PHONE", "有人正在撬我家门", "坐席会在通话中一键转接110");
        received("000003", "WEB", "路灯不亮", "西湖区湖滨路的路灯坏了三天");
        received("000004", "WEB", "有人正在撬我家门", "小偷还在楼道里");

        await().atMost(Duration.ofSeconds(30)).until(() -> ordersAt110() == 1);
        Thread.sleep(1_000);
        assertThat(peer.state().getJsonArray("orders").getJsonObject(0).encode()).contains("000004");
        assertThat(ordersAt110()).isEqualTo(1);
    }
}
