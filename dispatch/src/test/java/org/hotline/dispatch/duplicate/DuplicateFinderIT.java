package org.hotline.dispatch.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Same caller, similar text, open ticket: a merge is suggested; against the real ticket store. */
class DuplicateFinderIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aRepeatedAppealOfTheSameCallerIsSuggestedForMergeButOtherMattersAndCallersAreNot() {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/9"));
        await(connector.connect()).sync().flushdb();
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        TicketService tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(),
                TicketServiceConfig.defaults());
        Ticket first = receive(tickets, "13800138001", "楼下饭店油烟扰民",
                "金色家园3栋楼下的饭店排烟管道直接对着住宅楼，油烟没有净化，窗户都不敢开。");
        receive(tickets, "13800138001", "公交班次太少", "12路公交车早高峰要等半小时，希望增加班次。");
        DuplicateFinder finder = new DuplicateFinder(tickets, Duration.ofDays(7), 0.35);

        List<DuplicateFinder.Candidate> again = await(finder.find("13800138001", "饭店油烟又来了",
                "我上周反映过金色家园3栋楼下饭店油烟的问题，排烟管道还是对着住宅楼，油烟照样直排。", Instant.now()));
        List<DuplicateFinder.Candidate> otherCaller = await(finder.find("13900139002", "饭店油烟又来了",
                "金色家园3栋楼下饭店油烟直排。", Instant.now()));

        assertThat(again).extracting(DuplicateFinder.Candidate::ticketId).containsExactly(first.id().value());
        assertThat(again.get(0).explanation()).contains("同一来电人", "建议合并");
        assertThat(otherCaller).isEmpty();
    }

    private static Ticket receive(TicketService tickets, String phone, String title, String content) {
        return await(tickets.receive(new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, title, content,
                new Caller("王五", phone, false, false), null, List.of()), Actor.agent("a1", "坐席甲"), null));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }
}
