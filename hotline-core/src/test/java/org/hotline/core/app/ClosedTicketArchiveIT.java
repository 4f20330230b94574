package org.hotline.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.app.TicketServiceIT.await;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline.core.archive.FileTicketArchive;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.Urgency;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketArchiver;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closed tickets leave Redis after the retention period for the file archive, and stay readable (real Redis). */
class ClosedTicketArchiveIT {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T01:00:00Z"));

    @TempDir
    static Path archiveDir;
    private static Vertx vertx;
    private static RedisConnector connector;
    private static RedisCommands<String, String> redis;
    private RedisTicketKeys keys;
    private TicketService service;
    private RedisTicketArchiver archiver;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        redis = await(connector.connect()).sync();
    }

    /** Keys under a prefix of each test's own, so that it archives no other test's closed tickets. */
    @BeforeEach
    void start() {
        keys = new RedisTicketKeys("archive-it:" + UUID.randomUUID() + ":", RedisKeys.TICKET_EVENTS, RedisKeys.SLA_ALARMS);
        FileTicketArchive archive = new FileTicketArchive(vertx, archiveDir);
        RedisTicketStoreConfig config = new RedisTicketStoreConfig(keys, null, RedisTicketStoreConfig.DEFAULT_MAX_IN_FLIGHT);
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, config, archive));
        archiver = new RedisTicketArchiver(vertx, await(connector.connect()).async(), keys, archive, RETENTION, 10_000);
        service = new TicketService(store, SEED, CLOCK, TicketServiceConfig.defaults());
    }

    @AfterAll
    static void stop() {
        await(connector.close());
        await(vertx.close());
    }

    @Test
    void aTicketClosedLongerThanTheRetentionLeavesRedisAndIsReadFromTheArchiveWithItsHistory() {
        Ticket closed = closedTicket();
        List<StreamEvent> history = await(service.history(closed.id()));
        String id = closed.id().value();

        assertThat(await(archiver.archiveDue(closed.closedAt().plus(RETENTION).minusSeconds(1)))).isZero();
        assertThat(redis.exists(keys.ticket(id))).as("closed less than 30 days ago: still in Redis").isEqualTo(1);

        assertThat(await(archiver.archiveDue(closed.closedAt().plus(RETENTION)))).isEqualTo(1);

        assertThat(redis.exists(keys.ticket(id), keys.history(id))).as("hash and event list left Redis").isZero();
        assertThat(redis.zscore(keys.status("CLOSED"), id)).isNull();
        assertThat(await(service.findById(closed.id()))).contains(closed);
        assertThat(await(service.findByNumber(closed.number().value()))).contains(closed);
        assertThat(await(service.history(closed.id()))).containsExactlyElementsOf(history);
        assertThat(await(service.ofCaller(closed.caller().phone(), 10))).contains(closed);
        assertThat(archiveDir.resolve(id.substring(0, 2)).resolve(id + ".json")).isRegularFile();
    }

    @Test
    void anArchivedTicketComesBackToRedisWhenItIsChangedAgain() {
        Ticket closed = closedTicket();
        await(archiver.archiveDue(closed.closedAt().plus(RETENTION)));
        assertThat(redis.exists(keys.ticket(closed.id().value()))).isZero();

        Ticket linked = await(service.apply(closed.id(), new Command.LinkCall("call-" + UUID.randomUUID()), AGENT));

        assertThat(linked.version()).isEqualTo(closed.version() + 1);
        assertThat(redis.hget(keys.ticket(closed.id().value()), "v")).isEqualTo(Long.toString(linked.version()));
        assertThat(redis.zscore(keys.status("CLOSED"), closed.id().value())).as("indexed as closed again").isNotNull();
        assertThat(await(service.history(closed.id()))).extracting(StreamEvent::version)
                .containsExactly(1L, 2L, 3L, linked.version());
    }

    @Test
    void aTicketStillOpenOrClosedRecentlyIsNotArchived() {
        Ticket open = await(service.receive(appeal(), AGENT, null));
        Ticket closed = closedTicket();

        assertThat(await(archiver.archiveDue(closed.closedAt().plus(RETENTION).minusMillis(1)))).isZero();

        assertThat(redis.exists(keys.ticket(open.id().value()), keys.ticket(closed.id().value()))).isEqualTo(2);
        assertThat(await(service.findById(open.id()))).contains(open);
        String id = closed.id().value();
        assertThat(archiveDir.resolve(id.substring(0, 2)).resolve(id + ".json")).doesNotExist();
    }

    private Ticket closedTicket() {
        Ticket received = await(service.receive(appeal(), AGENT, null));
        Ticket closed = await(service.apply(received.id(), new Command.AnswerDirectly("已当场答复：该路段已纳入整治"), AGENT));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        return closed;
    }

    private static NewAppeal appeal() {
        return new NewAppeal(Channel.PHONE, AppealType.CONSULTATION, Urgency.NORMAL, "咨询占道经营整治时间",
                "请问人民路占道经营什么时候整治", new Caller("张三丰", "13800" + (100000 + (int) (Math.random() * 899999)), false, false),
                null, List.of());
    }
}
