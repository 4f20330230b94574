package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.dispatch.sla.SlaSchedulerIT.await;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.WorkCalendar;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two schedulers with the duty calendar against real Redis and the real ticket lifecycle. Both
 * tickets' handling deadlines pass outside duty hours: each alarm fires at once on its ticket and
 * its deadline does not move; the 水电气暖 ticket (24 小时, around the clock) is notified at once,
 * the ordinary one (5 个工作日) at the next duty start, and each notification goes out exactly once.
 */
@Timeout(90)
class DutyCalendarNotificationIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aWorkingDayMattersNotificationWaitsForTheNextDutyStartWhileAnAroundTheClockOneGoesAtOnce() throws Exception {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/4"));
        RedisCommands<String, String> redis = await(connector.connect()).sync();
        redis.flushdb();
        Seed seed = SeedLoader.fromClasspath();
        TicketService tickets = new TicketService(await(RedisTicketStore.start(vertx, connector,
                RedisTicketStoreConfig.defaults())), seed, Clock.systemUTC(), TicketServiceConfig.defaults());
        Ticket ordinary = assigned(tickets, seed, "010201", "urban", "人民路占道经营");
        Ticket water = assigned(tickets, seed, "110101", "util.water", "小区停水一整天");
        Instant ordinaryDue = handleDue(tickets, ordinary);
        makeOnlyTheRedHandlingAlarmsDueNow(redis, ordinary, water);
        Instant dutyStart = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        DutyHours hours = dutyStartingAt(dutyStart);

        List<JsonObject> notified = new CopyOnWriteArrayList<>();
        Map<String, Instant> receivedAt = new ConcurrentHashMap<>();
        CountDownLatch waterNotified = new CountDownLatch(1);
        CountDownLatch bothNotified = new CountDownLatch(2);
        vertx.eventBus().<JsonObject>consumer(SlaScheduler.ADDRESS, message -> {
            notified.add(message.body());
            receivedAt.put(message.body().getString("ticketId"), Instant.now());
            waterNotified.countDown();
            bothNotified.countDown();
        });
        for (int instance = 0; instance < 2; instance++) {
            await(vertx.deployVerticle(new SlaScheduler(redis.getStatefulConnection().async(),
                    new TicketServiceSlaSink(tickets), SlaSchedulerConfig.defaults(), new DutyCalendarTiming(tickets, hours))));
        }

        assertThat(waterNotified.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(notified).extracting(n -> n.getString("ticketId")).containsExactly(water.id().value());
        assertThat(Instant.now()).as("still off duty").isBefore(dutyStart);
        assertThat(await(tickets.load(ordinary.id())).urgeCount()).as("the alarm fired on the ticket already").isEqualTo(1);

        assertThat(bothNotified.await(30, TimeUnit.SECONDS)).isTrue();
        JsonObject late = notified.get(1);
        assertThat(late.getString("ticketId")).isEqualTo(ordinary.id().value());
        assertThat(late.getLong("deferredUntil")).isEqualTo(dutyStart.toEpochMilli());
        assertThat(receivedAt.get(ordinary.id().value())).isAfterOrEqualTo(dutyStart.minusMillis(50));
        assertThat(handleDue(tickets, ordinary)).as("deadline not moved").isEqualTo(ordinaryDue);

        awaitDrained(redis);
        assertThat(notified).hasSize(2);
        assertThat(await(tickets.load(ordinary.id())).urgeCount()).isEqualTo(1);
    }

    private static Ticket assigned(TicketService tickets, Seed seed, String category, String department, String title) {
        Actor agent = Actor.agent("a1", "坐席甲");
        Ticket ticket = await(tickets.receive(new NewAppeal(Channel.WEB, AppealType.COMPLAINT, Urgency.NORMAL, title,
                title + "，请尽快处理", new Caller("张三", "13800138000", false, false), null, List.of()), agent, null));
        ticket = await(tickets.apply(ticket.id(),
                new Command.Classify(seed.categories().find(category).orElseThrow(), null, null, null), agent));
        return await(tickets.apply(ticket.id(), new Command.Assign(department, Set.of(), null),
                Actor.dispatcher("p1", "派单员乙")));
    }

    private static Instant handleDue(TicketService tickets, Ticket ticket) {
        return await(tickets.deadlineDerivation(ticket.id())).get(ClockName.HANDLE).dueAt();
    }

    private static void makeOnlyTheRedHandlingAlarmsDueNow(RedisCommands<String, String> redis, Ticket... due) {
        List<String> all = redis.zrange(RedisKeys.SLA_ALARMS, 0, -1);
        redis.del(RedisKeys.SLA_ALARMS);
        for (Ticket ticket : due) {
            String red = all.stream().filter(m -> m.startsWith(ticket.id().value() + "|HANDLE|RED|")).findFirst().orElseThrow();
            redis.zadd(RedisKeys.SLA_ALARMS, 0, red);
        }
    }

    /** Today is a duty day (whatever the weekday) whose one duty period starts at {@code start}. */
    private static DutyHours dutyStartingAt(Instant start) {
        ZonedDateTime local = start.atZone(WorkCalendar.CHINA);
        Assumptions.assumeTrue(local.toLocalTime().isBefore(LocalTime.of(23, 0)), "the duty period must end today");
        LocalDate today = local.toLocalDate();
        WorkCalendar calendar = WorkCalendar.weekendsOnly(WorkCalendar.CHINA).withYear(today.getYear(),
                List.of(new WorkCalendar.SpecialDay(today, "值班日", false)));
        return new DutyHours(calendar, List.of(new DutyHours.Period(local.toLocalTime(), local.toLocalTime().plusHours(1))));
    }

    /** Polls Redis, bounded: the last lease is dropped just after the last publication. */
    private static void awaitDrained(RedisCommands<String, String> redis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (redis.zcard(DeferredNotifications.PENDING) + redis.zcard(DeferredNotifications.IN_FLIGHT)
                + redis.zcard(SlaScheduler.IN_FLIGHT) > 0) {
            assertThat(System.nanoTime()).as("notification sets drained").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
