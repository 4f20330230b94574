package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.linkage110.LinkageHarness.await;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.linkage110.transfer.Transfer;
import org.hotline.linkage110.transfer.TicketOperationsIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A police order from the peer process becomes a real ticket of core's pipeline, over the real Redis. */
class TicketPipelineIntakeIT {

    private PeerProcess peer;
    private LinkageHarness ours;
    private io.vertx.core.Vertx vertxForCore;
    private RedisConnector connector;
    private TicketOperations tickets;

    @BeforeEach
    void start() throws Exception {
        peer = PeerProcess.start(LinkageHarness.SECRET);
        vertxForCore = io.vertx.core.Vertx.vertx();
        connector = RedisConnector.create(vertxForCore, RedisConfig.of(LinkageHarness.redisUri()));
        RedisTicketStore store = await(RedisTicketStore.start(vertxForCore, connector, RedisTicketStoreConfig.defaults()));
        tickets = TicketOperations.of(new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(),
                TicketServiceConfig.defaults()));
        ours = new LinkageHarness(LinkageHarness.config(peer.exchangeUrl()), new TicketOperationsIntake(tickets));
        peer.admin("/admin/hotline", new JsonObject().put("url", ours.url()));
    }

    @AfterEach
    void stop() throws Exception {
        ours.close();
        await(connector.close());
        await(vertxForCore.close());
        peer.close();
    }

    @Test
    void policeOrderBecomesATicketOnChannel110OnceEvenIfSentTwice() throws Exception {
        JsonObject first = peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-P1"));
        JsonObject again = peer.admin("/admin/police-orders", new JsonObject().put("transferId", "110-P1")
                .put("idempotencyKey", "110-P1-resent"));

        assertThat(first.getInteger("status")).as(first.getString("body")).isEqualTo(202);
        assertThat(again.getInteger("status")).as(again.getString("body")).isEqualTo(202);
        Transfer transfer = await(ours.linkage.transfers().get("110-P1"));
        Ticket ticket = await(tickets.findById(new TicketId(transfer.ticketId()))).orElseThrow();
        assertThat(ticket.channel()).isEqualTo(Channel.POLICE_110);
        assertThat(ticket.title()).isEqualTo("工地夜间施工噪音扰民");
        assertThat(ticket.tags()).contains("110移交", "110清单:F110-01");
        assertThat(await(ours.linkage.stats().report()).getJsonObject("from110").getLong("created")).isEqualTo(1);
    }
}
