package org.hotline.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.port.DashboardCounters.Cards;
import org.hotline.core.port.DashboardCounters.Figures;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisDashboardCounters;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.time.InboxCard;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Test;

/**
 * The dashboard counters the commit script keeps equal a full recomputation from every stored
 * ticket after a random workload (intake on every channel, the lifecycle, reassignments, returns
 * and closes, refusals included) with the clock moving over several days: real Redis.
 */
class DashboardCountersIT {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final ZoneId ZONE = SEED.timeLimits().deadlines().calendar().zone();
    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final List<String> DEPARTMENTS = List.of("urban", "environment", "housing", "transport");
    private static final Category STALLS = SEED.categories().find("010201").orElseThrow();

    @Test
    void theIncrementalCountersEqualAFullRecomputationAfterARandomWorkload() {
        Vertx vertx = Vertx.vertx();
        var connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/11"));
        try {
            var connection = await(connector.connect());
            connection.sync().flushdb();
            var clock = new MutableClock(Instant.parse("2026-11-16T01:00:00Z"));
            var service = new TicketService(await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults())),
                    SEED, clock, TicketServiceConfig.defaults());
            var counters = new RedisDashboardCounters(vertx, connection, RedisTicketKeys.defaults());
            Random random = new Random(20261207L);
            List<Ticket> tickets = new ArrayList<>();
            List<Figures> checked = new ArrayList<>();
            for (int step = 0; step < 600; step++) {
                if (tickets.isEmpty() || random.nextInt(4) == 0) {
                    tickets.add(receive(service, random));
                } else {
                    int pick = random.nextInt(tickets.size());
                    tickets.set(pick, advance(service, tickets.get(pick), random));
                }
                clock.advance(Duration.ofMinutes(random.nextInt(90)));
                if (step % 20 == 19) {
                    checked.add(assertEqualsRecomputation(service, counters, tickets, clock.instant()));
                }
            }
            assertEqualsRecomputation(service, counters, tickets, clock.instant());
            checked.add(assertEqualsRecomputation(service, counters, tickets, clock.instant().plus(Duration.ofDays(9))));
            // the workload reached what the counters count: several statuses and departments, both cards (checked every 20
            // steps: a 1-working-day clock shows yellow for under 5 hours)
            assertThat(checked).anyMatch(f -> f.yellow() > 0).anyMatch(f -> f.red() > 0)
                    .anyMatch(f -> f.openByStatus().size() >= 4 && f.openByDepartment().size() >= 3)
                    .anyMatch(f -> f.cardsByClock().containsKey("SIGN") && f.cardsByClock().size() >= 2)
                    .anyMatch(f -> f.cardsByDepartment().size() >= 3);
        } finally {
            await(connector.close());
            await(vertx.close());
        }
    }

    private static Figures assertEqualsRecomputation(TicketService service, RedisDashboardCounters counters,
                                                  List<Ticket> tickets, Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        Figures counted = await(counters.read(now, today, 30));
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byDepartment = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (int k = 0; k < 30; k++) {
            days.put(today.minusDays(k), new HashMap<>());
        }
        Map<String, Long> month = new HashMap<>();
        long yellow = 0;
        long red = 0;
        Map<String, Cards> byDepartmentCards = new TreeMap<>();
        Map<String, Cards> byClockCards = new TreeMap<>();
        for (Ticket listed : tickets) {
            Ticket t = await(service.load(listed.id()));
            LocalDate received = t.receivedAt().atZone(ZONE).toLocalDate();
            if (days.containsKey(received)) {
                days.get(received).merge(t.channel().name(), 1L, Long::sum);
            }
            if (received.withDayOfMonth(1).equals(today.withDayOfMonth(1))) {
                month.merge(t.channel().name(), 1L, Long::sum);
            }
            if (!t.status().isOpen()) {
                continue;
            }
            byStatus.merge(t.status().name(), 1L, Long::sum);
            if (t.leadDepartment() != null) {
                byDepartment.merge(t.leadDepartment(), 1L, Long::sum);
            }
            // the card as the ticket's inboxes show it, counted once in all, per deciding clock and per inbox
            var card = InboxCard.of(await(service.deadlineDerivation(t.id())));
            Set<String> inboxes = TicketCommits.inboxOf(t);
            if (card.isEmpty() || inboxes.isEmpty() || !(card.get().red(now) || card.get().yellow(now))) {
                continue;
            }
            Cards one = card.get().red(now) ? new Cards(0, 1) : new Cards(1, 0);
            red += one.red();
            yellow += one.yellow();
            byClockCards.merge(card.get().clock().name(), one, DashboardCountersIT::plus);
            inboxes.forEach(d -> byDepartmentCards.merge(d, one, DashboardCountersIT::plus));
        }
        assertThat(counted.openByStatus()).isEqualTo(byStatus);
        assertThat(counted.openByDepartment()).isEqualTo(byDepartment);
        assertThat(counted.red()).as("red cards").isEqualTo(red);
        assertThat(counted.yellow()).as("yellow cards").isEqualTo(yellow);
        assertThat(counted.cardsByDepartment()).as("cards per inbox").isEqualTo(byDepartmentCards);
        assertThat(counted.cardsByClock()).as("cards per deciding clock").isEqualTo(byClockCards);
        assertThat(counted.days()).isEqualTo(days);
        // the list behind each count holds exactly the tickets counted
        assertThat(await(counters.cardTickets(null, true, now, 1000))).hasSize((int) red);
        assertThat(await(counters.cardTickets(null, false, now, 1000))).hasSize((int) yellow);
        byClockCards.forEach((name, cards) -> {
            assertThat(await(counters.cardTickets("c:" + name, true, now, 1000))).hasSize((int) cards.red());
            assertThat(await(counters.cardTickets("c:" + name, false, now, 1000))).hasSize((int) cards.yellow());
        });
        byDepartmentCards.forEach((department, cards) -> {
            assertThat(await(counters.cardTickets("d:" + department, true, now, 1000))).hasSize((int) cards.red());
            assertThat(await(counters.cardTickets("d:" + department, false, now, 1000))).hasSize((int) cards.yellow());
        });
        assertThat(counted.month()).isEqualTo(month);
        return counted;
    }

    private static Cards plus(Cards a, Cards b) {
        return new Cards(a.yellow() + b.yellow(), a.red() + b.red());
    }

    private static Ticket receive(TicketService service, Random random) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        var appeal = new NewAppeal(channel, AppealType.COMPLAINT, Urgency.values()[random.nextInt(Urgency.values().length)],
                "人民路占道经营", "晚上有商贩占道经营", new Caller("张三丰", "1380013" + (1000 + random.nextInt(9000)), false, false),
                null, List.of());
        return await(service.receive(appeal, AGENT, null));
    }

    /** One random next step; a refusal (not allowed in this state) leaves the ticket as it was. */
    private static Ticket advance(TicketService service, Ticket t, Random random) {
        String lead = t.leadDepartment() == null ? DEPARTMENTS.get(0) : t.leadDepartment();
        Actor department = Actor.department("u-" + lead, lead, "经办人");
        String other = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        Command command = switch (t.status()) {
            case RECEIVED -> new Command.Classify(STALLS, null, null, null);
            case CLASSIFIED -> new Command.Assign(other, Set.of(), null);
            case ASSIGNED -> random.nextInt(3) == 0 ? new Command.Reassign(other, Set.of(), "改派") : new Command.Sign();
            case SIGNED, IN_PROGRESS -> new Command.SubmitReply("已处理", ReplyResult.RESOLVED);
            case REPLIED -> new Command.AcceptReply(null);
            case REVIEWED -> new Command.RecordReturnVisit(Resolution.RESOLVED,
                    random.nextBoolean() ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, null);
            default -> new Command.Close(null);
        };
        Actor actor = switch (t.status()) {
            case ASSIGNED -> command instanceof Command.Sign ? department : DISPATCHER;
            case SIGNED, IN_PROGRESS -> department;
            case CLASSIFIED, REPLIED -> DISPATCHER;
            default -> AGENT;
        };
        try {
            return await(service.apply(t.id(), command, actor));
        } catch (HotlineException refused) {
            return await(service.load(t.id()));
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
