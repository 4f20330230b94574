package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.UrgeLevel;
import org.hotline.core.model.Urgency;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealRedis;
import org.hotline.testsupport.smsc.TestSmsc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SMS to citizens and their answers against a real SMPP server process (jsmpp's server side, see
 * TestSmsc) and the real Redis ticket store: receipts in UCS2 Chinese, a long survey cut into parts,
 * delivery receipts and answers recorded on the right ticket, opt-out and confidentiality honoured.
 * The clock runs at 10:00 Beijing time so the quiet hours do not hold the messages back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmsSurveyIT {

    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final Actor URBAN = Actor.department("u1", "urban", "城管局经办人");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DUTY_PHONE = "13700" + String.format("%06d", (int) (System.nanoTime() % 1_000_000));
    private static final String ASSISTING_PHONE = "13600" + String.format("%06d", (int) (System.nanoTime() % 1_000_000));
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private static Vertx vertx;
    private static RedisConnector connector;
    private static TicketService service;
    private static TicketOperations tickets;
    private static final int MAX_ATTEMPTS = 3;

    private static TestSmsc smsc;
    private static StatefulRedisConnection<String, String> connection;
    private static SmsConfig config;
    private static Clock clock;
    private static DutyPhones phones;
    private static SmsVerticle sms;
    private static String deployment;

    @BeforeAll
    static void start() throws Exception {
        smsc = TestSmsc.start(FreePort.pick(), "s3cret");
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        clock = atTenInTheMorning();
        service = new TicketService(store, SeedLoader.fromClasspath(), clock, TicketServiceConfig.defaults());
        tickets = TicketOperations.of(service);
        config = new SmsConfig("127.0.0.1", smsc.port(), "hotline", "s3cret", "12345", 50, 8,
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai")),
                "https://12345.example.gov.cn/progress?n={number}&c={queryCode}", Duration.ZERO, null, MAX_ATTEMPTS, Duration.ZERO);
        connection = await(connector.connect());
        phones = id -> "urban".equals(id) ? java.util.Optional.of("值班室 " + DUTY_PHONE + "（24小时）")
                : "d.dongcheng".equals(id) ? java.util.Optional.of("值班室 " + ASSISTING_PHONE) : java.util.Optional.empty();
        deploySms();
        smsc.awaitLine(l -> l.startsWith("BOUND hotline"), WAIT);
    }

    /** The SMS verticle of node "it-node"; deployed again it is the same node after a restart. */
    private static void deploySms() {
        sms = new SmsVerticle(config, connection.async(), tickets, "it-node", phones, clock);
        deployment = await(vertx.deployVerticle(sms));
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            await(vertx.close());
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void theReceiptReachesTheCitizenInChineseWithNumberQueryCodeAndLinkAndItsDeliveryIsOnTheTicket() throws Exception {
        String phone = phone();
        Ticket ticket = receive(phone, false);

        String text = smsc.awaitMessage(phone, t -> t.contains(ticket.number().value()), WAIT);

        assertThat(text).contains("已受理").contains("查询码" + ticket.queryCode().value())
                .contains("https://12345.example.gov.cn/progress?n=" + ticket.number().value());
        assertThat(smsc.parts()).filteredOn(p -> p.to().equals(phone)).allMatch(TestSmsc.Part::ucs2);
        awaitEvent(ticket, "MessageRecorded", "delivered");
        assertThat(history(ticket)).anyMatch(e -> e.contains("\"purpose\":\"receipt\"") && e.contains("submitted"));
    }

    @Test
    void aLongSurveyIsSentInPartsAndTheAnswerIsRecordedAsTheReturnVisitBySystem() throws Exception {
        String phone = phone();
        Ticket ticket = reviewed(phone);

        String survey = smsc.awaitMessage(phone, t -> t.contains("回访"), WAIT);
        assertThat(survey).contains(ticket.number().value()).contains("01#");
        assertThat(smsc.parts()).filteredOn(p -> p.to().equals(phone) && p.total() > 1).isNotEmpty();
        // the notice and the survey may leave in the same send round, so in either order
        smsc.awaitMessage(phone, t -> t.contains("已办结答复"), WAIT);
        smsc.citizenSends(phone, "11");

        Ticket visited = awaitVisit(ticket);
        assertThat(visited.status()).isEqualTo(TicketStatus.REVISITED);
        assertThat(visited.visit().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(visited.visit().resolution()).isEqualTo(Resolution.RESOLVED);
        assertThat(history(ticket)).anyMatch(e -> e.contains("ReturnVisitRecorded") && e.contains("system:sms-survey"));
        smsc.awaitMessage(phone, t -> t.contains("感谢您对工单" + ticket.number().value()), WAIT);
    }

    @Test
    void aTicketTheSurveyCampaignLeavesToAgentsGetsTheReplyNoticeButNoSurvey() throws Exception {
        String phone = phone();
        String witness = phone();
        String campaignKey = org.hotline.telephony.survey.RedisSurveyLedger.CAMPAIGN;
        connection.sync().set(campaignKey, "{\"robotRate\":0.0,\"revisitDissatisfied\":true,\"agreementRate\":0.0,\"seed\":\"it\"}");
        try {
            Ticket toAgents = reviewed(phone);
            awaitPlan(toAgents, "AGENT");
        } finally {
            connection.sync().del(campaignKey);
        }
        Ticket later = reviewed(witness);
        // the stream is handled in order: once the later ticket's survey is out, the earlier one was decided
        smsc.awaitMessage(witness, t -> t.contains("回访") && t.contains(later.number().value()), WAIT);
        smsc.awaitMessage(phone, t -> t.contains("已办结答复"), WAIT);

        assertThat(await(sms.book().openSurveys(phone))).isEmpty();
        assertThat(smsc.messagesTo(phone)).noneMatch(t -> t.contains("回访"));
    }

    @Test
    void withTwoSurveysOpenAnAnswerWithoutCodeIsNotGuessedAndEachCodedAnswerReachesItsOwnTicket() throws Exception {
        String phone = phone();
        Ticket first = reviewed(phone);
        smsc.awaitMessage(phone, t -> t.contains("回访") && t.contains(first.number().value()), WAIT);
        Ticket second = reviewed(phone);
        smsc.awaitMessage(phone, t -> t.contains("回访") && t.contains(second.number().value()) && t.contains("02#"), WAIT);

        smsc.citizenSends(phone, "3");
        smsc.awaitMessage(phone, t -> t.contains("未能识别"), WAIT);
        smsc.citizenSends(phone, "02#33");
        smsc.citizenSends(phone, "01#21");

        Ticket secondVisited = awaitVisit(second);
        Ticket firstVisited = awaitVisit(first);
        assertThat(secondVisited.visit().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(secondVisited.visit().resolution()).isEqualTo(Resolution.UNRESOLVED);
        assertThat(firstVisited.visit().satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(firstVisited.visit().resolution()).isEqualTo(Resolution.RESOLVED);
    }

    @Test
    void afterTdAndForAConfidentialCallerNothingIsSentThatTheyDidNotAskFor() throws Exception {
        String optedOut = phone();
        String confidential = phone();
        String witness = phone();
        smsc.citizenSends(optedOut, "TD");
        smsc.awaitMessage(optedOut, t -> t.contains("退订成功"), WAIT);

        Ticket quiet = receive(optedOut, false);
        Ticket secret = receive(confidential, true);
        Ticket later = receive(witness, false);
        // the stream is handled in order: once the later ticket's receipt is out, the earlier two were decided
        smsc.awaitMessage(witness, t -> t.contains(later.number().value()), WAIT);
        awaitEvent(later, "MessageRecorded", "submitted");

        assertThat(smsc.messagesTo(optedOut)).hasSize(1);
        assertThat(smsc.messagesTo(confidential)).isEmpty();
        assertThat(history(quiet)).noneMatch(e -> e.contains("MessageRecorded"));
        assertThat(history(secret)).noneMatch(e -> e.contains("MessageRecorded"));
    }

    @Test
    void anUndeliverableReceiptIsRecordedOnTheTicket() throws Exception {
        String phone = phone();
        smsc.failDeliveriesTo(phone);

        Ticket ticket = receive(phone, false);

        awaitEvent(ticket, "MessageRecorded", "undelivered UNDELIV");
    }

    @Test
    void anUrgeReachesTheLeadUnitsDutyPhoneWithTheOpinion() throws Exception {
        Ticket ticket = assigned(phone());

        apply(ticket, new Command.Urge(UrgeLevel.URGE, "请于今日内联系市民并处置"), DISPATCHER);

        String text = smsc.awaitMessage(DUTY_PHONE, t -> t.contains("催办") && t.contains(ticket.number().value()), WAIT);
        assertThat(text).contains("请于今日内联系市民并处置");
        awaitEvent(ticket, "handler-urge", "delivered");
    }

    @Test
    void aYellowAlarmGoesToTheDutyPhoneOnceEvenWhenEveryNodeHearsItAndRedFollows() throws Exception {
        Ticket ticket = assigned(phone());
        long due = Instant.now().plus(Duration.ofHours(2)).toEpochMilli();
        JsonObject yellow = alarm(ticket, "YELLOW", due);

        vertx.eventBus().publish(HandlerNotices.SLA_ALARM_ADDRESS, yellow);
        vertx.eventBus().publish(HandlerNotices.SLA_ALARM_ADDRESS, yellow);
        smsc.awaitMessage(DUTY_PHONE, t -> t.contains("黄牌预警") && t.contains(ticket.number().value()), WAIT);
        vertx.eventBus().publish(HandlerNotices.SLA_ALARM_ADDRESS, alarm(ticket, "RED", due));
        smsc.awaitMessage(DUTY_PHONE, t -> t.contains("红牌超期") && t.contains(ticket.number().value()), WAIT);

        assertThat(smsc.messagesTo(DUTY_PHONE)).filteredOn(t -> t.contains("黄牌预警") && t.contains(ticket.number().value())).hasSize(1);
    }

    @Test
    void anAssistingUnitsAlarmGoesToThatUnitsDutyPhoneNotTheLeads() throws Exception {
        Ticket ticket = apply(receive(phone(), false),
                new Command.Classify(service.seed().categories().find("010201").orElseThrow(), null, null, null), AGENT);
        ticket = apply(ticket, new Command.Assign("urban", Set.of("d.dongcheng"), null), DISPATCHER);
        long due = Instant.now().plus(Duration.ofHours(2)).toEpochMilli();

        vertx.eventBus().publish(HandlerNotices.SLA_ALARM_ADDRESS, alarm(ticket, "OPINION@d.dongcheng", "YELLOW", due));
        String number = ticket.number().value();
        smsc.awaitMessage(ASSISTING_PHONE, t -> t.contains("黄牌预警") && t.contains(number), WAIT);
        vertx.eventBus().publish(HandlerNotices.SLA_ALARM_ADDRESS, alarm(ticket, "HANDLE", "YELLOW", due));
        smsc.awaitMessage(DUTY_PHONE, t -> t.contains("黄牌预警") && t.contains(number), WAIT);

        assertThat(smsc.messagesTo(DUTY_PHONE)).filteredOn(t -> t.contains(number)).hasSize(1);
        assertThat(smsc.messagesTo(ASSISTING_PHONE)).filteredOn(t -> t.contains(number)).hasSize(1);
    }

    @Test
    void aMessageTheCenterKeepsRefusingIsGivenUpAfterTheLastAttemptWithOneFailedEventAndListedForAdministrators() throws Exception {
        String phone = phone();
        smsc.refuseSubmitsTo(phone);

        Ticket ticket = receive(phone, false);

        awaitEvent(ticket, "MessageRecorded", "\"outcome\":\"failed\"");
        awaitCount(l -> l.equals("REFUSED " + phone), MAX_ATTEMPTS);
        assertThat(history(ticket)).filteredOn(e -> e.contains("MessageRecorded")).hasSize(1);
        List<JsonObject> failed = await(sms.book().failed(1_000));
        assertThat(failed).filteredOn(f -> ticket.id().value().equals(f.getString("ticketId"))).singleElement().satisfies(f -> {
            assertThat(f.getInteger("attempts")).isEqualTo(MAX_ATTEMPTS);
            assertThat(f.getString("purpose")).isEqualTo(SmsTemplates.RECEIPT);
            assertThat(f.getString("phone")).isNotEqualTo(phone).contains("****");
            assertThat(f.containsKey("text")).isFalse();
        });
        assertThat(await(sms.book().failedCount())).isPositive();
        assertThat(smsc.messagesTo(phone)).isEmpty();
    }

    @Test
    void aCitizensMessageIsStoredInRedisBeforeTheCenterIsToldItWasTaken() throws Exception {
        String phone = phone();

        smsc.citizenSends(phone, "你好，请问进度");

        // the center prints OK MO only after our deliver_sm_resp came back without error
        smsc.awaitLine(l -> l.equals("OK MO " + phone), WAIT);
        assertThat(connection.sync().xrange(RedisSmsBook.INCOMING, Range.create("-", "+")))
                .anyMatch(m -> phone.equals(m.getBody().get("from")) && "你好，请问进度".equals(m.getBody().get("text")));
    }

    @Test
    void anAnswerStoredAndReadButNotHandledBeforeACrashIsRecordedAfterTheSmsVerticleRestarts() throws Exception {
        String phone = phone();
        Ticket ticket = reviewed(phone);
        smsc.awaitMessage(phone, t -> t.contains("回访") && t.contains(ticket.number().value()), WAIT);
        await(vertx.undeploy(deployment));

        // the gateway stored the answer, the node read it and went down before handling it (left pending)
        new RedisSmsBook(vertx.getOrCreateContext(), connection.async()).storeIncoming(phone, "12", WAIT);
        List<StreamMessage<String, String>> read = connection.sync().xreadgroup(Consumer.from(SmsVerticle.INCOMING_GROUP, "it-node"),
                XReadArgs.Builder.count(1_000), XReadArgs.StreamOffset.lastConsumed(RedisSmsBook.INCOMING));
        assertThat(read).anyMatch(m -> phone.equals(m.getBody().get("from")));
        deploySms();

        Ticket visited = awaitVisit(ticket);
        assertThat(visited.visit().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(visited.visit().resolution()).isEqualTo(Resolution.PARTLY_RESOLVED);
    }

    // ---- helpers

    private static void awaitCount(java.util.function.Predicate<String> line, long expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (smsc.count(line) < expected) {
            assertThat(System.nanoTime()).as("the SMS center printed %s of %s lines", smsc.count(line), expected).isLessThan(deadline);
            await(vertxTimer());
        }
        assertThat(smsc.count(line)).isEqualTo(expected);
    }

    private static JsonObject alarm(Ticket ticket, String level, long due) {
        return alarm(ticket, "HANDLE", level, due);
    }

    private static JsonObject alarm(Ticket ticket, String clock, String level, long due) {
        String member = ticket.id().value() + "|" + clock + "|" + level + "|" + due;
        return new JsonObject().put("member", member).put("ticketId", ticket.id().value()).put("clock", clock)
                .put("level", level).put("dueEpochMs", due);
    }

    private static Ticket assigned(String phone) {
        Ticket t = receive(phone, false);
        t = apply(t, new Command.Classify(service.seed().categories().find("010201").orElseThrow(), null, null, null), AGENT);
        return apply(t, new Command.Assign("urban", Set.of(), null), DISPATCHER);
    }

    private static String phone() {
        return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    private static Ticket receive(String phone, boolean confidential) {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "人民路占道经营",
                "晚上有商贩占道经营", new Caller("张三丰", phone, confidential, false), null, List.of());
        return await(service.receive(appeal, AGENT, null));
    }

    private static Ticket reviewed(String phone) {
        Ticket t = apply(assigned(phone), new Command.Sign(), URBAN);
        t = apply(t, new Command.RecordContact("已联系市民"), URBAN);
        t = apply(t, new Command.SubmitReply("已清理占道摊点", ReplyResult.RESOLVED), URBAN);
        return apply(t, new Command.AcceptReply(null), DISPATCHER);
    }

    private static Ticket apply(Ticket t, Command c, Actor a) {
        return await(service.apply(t.id(), c, a));
    }

    private static List<String> history(Ticket ticket) {
        return await(service.history(ticket.id())).stream().map(SmsSurveyIT::describe).toList();
    }

    private static String describe(StreamEvent e) {
        return e.type() + " " + e.eventJson();
    }

    private static void awaitEvent(Ticket ticket, String type, String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (history(ticket).stream().noneMatch(e -> e.contains(type) && e.contains(outcome))) {
            assertThat(System.nanoTime()).as("no %s %s on the ticket; history %s", type, outcome, history(ticket)).isLessThan(deadline);
            await(vertxTimer());
        }
    }

    /** The plan the SMS channel settled for the ticket in the survey campaign's ledger. */
    private static void awaitPlan(Ticket ticket, String plan) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!plan.equals(connection.sync().hget(org.hotline.telephony.survey.RedisSurveyLedger.TICKET + ticket.id().value(), "plan"))) {
            assertThat(System.nanoTime()).as("no %s plan settled for %s", plan, ticket.number()).isLessThan(deadline);
            await(vertxTimer());
        }
    }

    private static Ticket awaitVisit(Ticket ticket) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Ticket now = await(service.findById(ticket.id())).orElseThrow();
            if (now.visit() != null) {
                return now;
            }
            assertThat(System.nanoTime()).as("no return visit recorded on %s", ticket.number()).isLessThan(deadline);
            await(vertxTimer());
        }
    }

    /** Polls Redis again shortly: the answer arrives from another process, there is nothing to await directly. */
    private static Future<Long> vertxTimer() {
        return vertx.timer(100).map(0L);
    }

    static Clock atTenInTheMorning() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.now();
        ZonedDateTime ten = now.atZone(shanghai).with(LocalTime.of(10, 0));
        return Clock.offset(Clock.systemUTC(), Duration.between(now, ten));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
