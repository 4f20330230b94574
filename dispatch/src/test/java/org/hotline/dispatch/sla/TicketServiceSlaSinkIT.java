package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler fires into the real ticket lifecycle: an assigned ticket's handling deadline,
 * armed by the core store, is made due now; the scheduler records the overdue event and the first
 * rung of the urging ladder on the ticket, once.
 */
@Timeout(60)
class TicketServiceSlaSinkIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        SlaSchedulerIT.await(vertx.close());
    }

    private RedisCommands<String, String> redis;
    private TicketService tickets;

    /** An assigned ticket whose handling deadline's RED alarm is the only one left, due long ago. */
    private Ticket assignedWithItsRedAlarmDue() {
        return assignedWithARedAlarmDue(Set.of(), "|HANDLE|");
    }

    /** An assigned ticket whose RED alarm of {@code clock} (e.g. {@code |OPINION@unit|}) is the only one left, due long ago. */
    private Ticket assignedWithARedAlarmDue(Set<String> assisting, String clock) {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/14"));
        redis = SlaSchedulerIT.await(connector.connect()).sync();
        redis.flushdb();
        RedisTicketStore store = SlaSchedulerIT.await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        Seed seed = SeedLoader.fromClasspath();
        tickets = new TicketService(store, seed, Clock.systemUTC(), TicketServiceConfig.defaults());
        Ticket ticket = SlaSchedulerIT.await(tickets.receive(new NewAppeal(Channel.WEB, AppealType.COMPLAINT,
                Urgency.NORMAL, "人民路占道经营", "晚上有商贩占道经营，影响通行",
                new Caller("张三", "13800138000", false, false), null, List.of()), Actor.agent("a1", "坐席甲"), null));
        ticket = SlaSchedulerIT.await(tickets.apply(ticket.id(),
                new Command.Classify(seed.categories().find("010201").orElseThrow(), null, null, null), Actor.agent("a1", "坐席甲")));
        ticket = SlaSchedulerIT.await(tickets.apply(ticket.id(), new Command.Assign("urban", assisting, null),
                Actor.dispatcher("p1", "派单员乙")));
        String red = redAlarm(ticket, clock);
        redis.zrem(RedisKeys.SLA_ALARMS, redis.zrange(RedisKeys.SLA_ALARMS, 0, -1).stream()
                .filter(m -> !m.equals(red)).toArray(String[]::new));
        redis.zadd(RedisKeys.SLA_ALARMS, 0, red); // due long ago
        return ticket;
    }

    private String redAlarm(Ticket ticket, String clock) {
        String prefix = ticket.id().value() + clock;
        return redis.zrange(RedisKeys.SLA_ALARMS, 0, -1).stream()
                .filter(m -> m.startsWith(prefix) && m.contains("|RED|")).findFirst().orElseThrow();
    }

    private List<String> eventTypes(Ticket ticket) {
        return redis.xrange(RedisKeys.TICKET_EVENTS, io.lettuce.core.Range.create("-", "+")).stream()
                .filter(m -> ticket.id().value().equals(m.getBody().get("ticketId")))
                .map(m -> m.getBody().get("type")).toList();
    }

    @Test
    void anOverdueHandlingDeadlineIsRecordedOnTheTicketAndUrgedOnce() throws InterruptedException {
        Ticket ticket = assignedWithItsRedAlarmDue();
        CountDownLatch published = new CountDownLatch(1);
        vertx.eventBus().consumer(SlaScheduler.ADDRESS, message -> published.countDown());
        SlaSchedulerIT.await(vertx.deployVerticle(new SlaScheduler(redis.getStatefulConnection().async(),
                new TicketServiceSlaSink(tickets), SlaSchedulerConfig.defaults())));

        assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
        Ticket after = SlaSchedulerIT.await(tickets.load(ticket.id()));
        assertThat(after.urgeCount()).isEqualTo(1);
        assertThat(eventTypes(ticket)).containsSubsequence("TicketAssigned", "SlaOverdueRecorded", "TicketUrged")
                .filteredOn("SlaOverdueRecorded"::equals).hasSize(1);
    }

    /** A scheduler killed after the ticket commit, before its "fired" marker, lets another node fire it again. */
    @Test
    void anAlarmFiredAgainAfterACrashIsRecordedAndUrgedOnlyOnce() {
        Ticket ticket = assignedWithItsRedAlarmDue();
        SlaAlarmFired alarm = SlaAlarmFired.parse(redAlarm(ticket, "|HANDLE|"), 0, System.currentTimeMillis());
        TicketServiceSlaSink sink = new TicketServiceSlaSink(tickets);

        SlaSchedulerIT.await(sink.fire(alarm));
        SlaSchedulerIT.await(sink.fire(alarm)); // the redelivery counts as handled, it does not fail

        Ticket after = SlaSchedulerIT.await(tickets.load(ticket.id()));
        assertThat(after.urgeCount()).isEqualTo(1);
        List<String> types = eventTypes(ticket);
        assertThat(types).filteredOn("SlaOverdueRecorded"::equals).hasSize(1);
        assertThat(types).filteredOn("TicketUrged"::equals).hasSize(1);
    }

    /** 协办: an assisting unit's overdue opinion is recorded for that unit; the lead is not urged for it. */
    @Test
    void anAssistingUnitsOverdueOpinionIsRecordedForItWithoutUrgingTheLead() throws InterruptedException {
        Ticket ticket = assignedWithARedAlarmDue(Set.of("d.dongcheng"), "|OPINION@d.dongcheng|");
        CountDownLatch published = new CountDownLatch(1);
        vertx.eventBus().consumer(SlaScheduler.ADDRESS, message -> published.countDown());
        SlaSchedulerIT.await(vertx.deployVerticle(new SlaScheduler(redis.getStatefulConnection().async(),
                new TicketServiceSlaSink(tickets), SlaSchedulerConfig.defaults())));

        assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
        Ticket after = SlaSchedulerIT.await(tickets.load(ticket.id()));
        assertThat(after.urgeCount()).isZero();
        assertThat(after.assistanceOf("d.dongcheng").orElseThrow().clocks().get(ClockName.OPINION).alarms()).hasSize(1);
        assertThat(eventTypes(ticket)).contains("AssistanceAlarmRecorded").doesNotContain("SlaOverdueRecorded", "TicketUrged");
    }
}
