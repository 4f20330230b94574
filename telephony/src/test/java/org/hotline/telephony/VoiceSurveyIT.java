package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.telephony.sms.QuietHours;
import org.hotline.telephony.sms.SmsConfig;
import org.hotline.telephony.sms.SmsVerticle;
import org.hotline.telephony.survey.voice.VoiceSurveyConfig;
import org.hotline.telephony.survey.voice.VoiceSurveyVerticle;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealRedis;
import org.hotline.testsupport.Sipp;
import org.hotline.testsupport.smsc.TestSmsc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The automated voice survey (语音回访) end to end: the real Asterisk 22 on the shipped configuration
 * calls the citizen through the carrier trunk, whose contact is a sipp phone that answers and presses
 * keys (SIP INFO DTMF) or lets it ring; the keys come back over FastAGI and are recorded on the real
 * Redis ticket store; an unanswered survey falls back to the SMS survey through the real SMPP server
 * process (TestSmsc). No quiet hours here (the clock is the machine's), no waits between attempts.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VoiceSurveyIT {

    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final Actor URBAN = Actor.department("u1", "urban", "城管局经办人");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final QuietHours NO_QUIET_HOURS = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("Asia/Shanghai"));

    private static TelephonyTestBed bed;
    private static int citizensPort;
    private static TestSmsc smsc;
    private static TicketService service;
    private static StatefulRedisConnection<String, String> connection;
    private static VoiceSurveyVerticle voice;

    @BeforeAll
    static void start() throws Exception {
        citizensPort = FreePort.pick();
        bed = new TelephonyTestBed(TelephonyTestBed.SIP_AGENTS, Map.of("pjsip_local.conf",
                "[carrier-aor](+)\ncontact = sip:127.0.0.1:" + citizensPort + "\n"));
        smsc = TestSmsc.start(FreePort.pick(), "s3cret");
        RedisConnector connector = RedisConnector.create(bed.vertx, RedisConfig.of(RealRedis.shared().uri()));
        RedisTicketStore store = TelephonyTestBed.await(RedisTicketStore.start(bed.vertx, connector, RedisTicketStoreConfig.defaults()));
        Clock clock = Clock.systemUTC();
        service = new TicketService(store, SeedLoader.fromClasspath(), clock, TicketServiceConfig.defaults());
        var tickets = org.hotline.core.app.TicketOperations.of(service);
        connection = TelephonyTestBed.await(connector.connect());
        SmsConfig smsConfig = new SmsConfig("127.0.0.1", smsc.port(), "hotline", "s3cret", "12345", 50, 8, NO_QUIET_HOURS,
                "https://12345.example.gov.cn/progress?n={number}&c={queryCode}", Duration.ZERO, null, 3, Duration.ZERO);
        SmsVerticle sms = new SmsVerticle(smsConfig, connection.async(), tickets, "voice-it", id -> Optional.empty(), clock, true);
        TelephonyTestBed.await(bed.vertx.deployVerticle(sms));
        smsc.awaitLine(l -> l.startsWith("BOUND hotline"), WAIT);
        voice = new VoiceSurveyVerticle(new VoiceSurveyConfig(2, Duration.ZERO, Duration.ofSeconds(6), Duration.ZERO, NO_QUIET_HOURS),
                connection.async(), tickets, sms::channel, "voice-it", clock);
        TelephonyTestBed.await(bed.vertx.deployVerticle(voice));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void theKeysACitizenPressesOnTheSurveyCallAreRecordedAsTheReturnVisitBySystem() throws Exception {
        String phone = phone();
        try (Sipp.Run citizen = Sipp.surveyAnswering(citizensPort, Duration.ofSeconds(1), '2', '3')) {
            Ticket ticket = reviewed(phone, false);

            Ticket visited = awaitStatus(ticket, TicketStatus.REVISITED);

            assertThat(visited.visits()).hasSize(1);
            assertThat(visited.visits().get(0).satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
            assertThat(visited.visits().get(0).resolution()).isEqualTo(Resolution.UNRESOLVED);
            assertThat(history(ticket)).anyMatch(e -> e.contains("ReturnVisitRecorded") && e.contains("system:voice-survey"))
                    .anyMatch(e -> e.contains("MessageRecorded") && e.contains("\"VOICE\"") && e.contains("calling"))
                    .anyMatch(e -> e.contains("MessageRecorded") && e.contains("answered 23"));
            assertThat(citizen.await(Duration.ofSeconds(30)).successful()).as("the survey call ran to the hotline's hang-up").isEqualTo(1);
            // the reply notice went out by SMS; the survey question did not (the voice survey visited)
            assertThat(smsc.awaitMessage(phone, t -> t.contains("答复"), WAIT)).isNotEmpty();
            assertThat(history(ticket)).noneMatch(e -> e.contains("\"purpose\":\"survey\""));
        }
    }

    @Test
    void aSurveyNobodyAnswersIsRetriedThenSentBySmsAndTheTicketStaysInTheAgentsVisitList() throws Exception {
        String phone = phone();
        // The phone rings but nobody picks up within the survey's ring time.
        try (Sipp.Run citizen = Sipp.answering(citizensPort, Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            Ticket ticket = reviewed(phone, false);

            String survey = smsc.awaitMessage(phone, t -> t.contains("回访"), WAIT);

            assertThat(survey).contains(ticket.number().value());
            List<String> trail = history(ticket);
            assertThat(trail.stream().filter(e -> e.contains("MessageRecorded") && e.contains("calling"))).hasSize(2);
            assertThat(trail.stream().filter(e -> e.contains("MessageRecorded") && e.contains("no answer"))).hasSize(2);
            assertThat(trail).anyMatch(e -> e.contains("gave up: sms survey"));
            // still 待回访 (REVIEWED): the agents' list has it until somebody, or the SMS answer, visits it
            assertThat(TelephonyTestBed.await(service.findById(ticket.id())).orElseThrow().status()).isEqualTo(TicketStatus.REVIEWED);

            smsc.citizenSends(phone, "3");
            assertThat(awaitStatus(ticket, TicketStatus.REVISITED).visits().get(0).satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        }
    }

    @Test
    void keysPressedAfterAnAgentVisitedTheTicketWhileThePhoneRangLeaveTheAgentsVisitStanding() throws Exception {
        String phone = phone();
        // The phone rings 4 s before it is answered: the agent visits the ticket meanwhile.
        try (Sipp.Run citizen = Sipp.surveyAnswering(citizensPort, Duration.ofSeconds(4), '3', '3')) {
            Ticket ticket = reviewed(phone, false);
            awaitHistory(ticket, "calling");
            apply(ticket, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, "坐席电话回访"), AGENT);

            awaitHistory(ticket, "keys not recorded: already visited");

            Ticket now = TelephonyTestBed.await(service.findById(ticket.id())).orElseThrow();
            assertThat(now.visits()).hasSize(1);
            assertThat(now.visits().get(0).satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        }
    }

    @Test
    void aConfidentialCitizenIsNotSurveyedByVoice() throws Exception {
        Ticket ticket = reviewed(phone(), true);

        assertThat(TelephonyTestBed.await(voice.survey(ticket.id().value()))).isFalse();
        assertThat(history(ticket)).noneMatch(e -> e.contains("voice-survey"));
    }

    @Test
    void aCampaignsSurveyRequestWithoutAValidTicketIdIsRefusedAsBadInput() throws Exception {
        Throwable refused = TelephonyTestBed.await(bed.vertx.eventBus()
                .request(VoiceSurveyVerticle.REQUEST_ADDRESS, new JsonObject().put("ticketId", "../x"))
                .<Throwable>map(v -> null).otherwise(f -> f));

        assertThat(refused).isInstanceOf(ReplyException.class).hasMessageContaining("工单编号");
        assertThat(((ReplyException) refused).failureCode()).isEqualTo(400);
    }

    private static void awaitHistory(Ticket ticket, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (history(ticket).stream().noneMatch(e -> e.contains(text))) {
            assertThat(System.nanoTime()).as("no '%s' on the ticket; history %s", text, history(ticket)).isLessThan(deadline);
            TelephonyTestBed.await(bed.vertx.timer(200));
        }
    }

    private static Ticket awaitStatus(Ticket ticket, TicketStatus status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Ticket now = TelephonyTestBed.await(service.findById(ticket.id())).orElseThrow();
            if (now.status() == status) {
                return now;
            }
            assertThat(System.nanoTime()).as("ticket not %s; history %s", status, history(ticket)).isLessThan(deadline);
            TelephonyTestBed.await(bed.vertx.timer(200));
        }
    }

    private static Ticket reviewed(String phone, boolean confidential) throws Exception {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "人民路占道经营",
                "晚上有商贩占道经营", new Caller("张三丰", phone, confidential, false), null, List.of());
        Ticket t = TelephonyTestBed.await(service.receive(appeal, AGENT, null));
        t = apply(t, new Command.Classify(service.seed().categories().find("010201").orElseThrow(), null, null, null), AGENT);
        t = apply(t, new Command.Assign("urban", Set.of(), null), DISPATCHER);
        t = apply(t, new Command.Sign(), URBAN);
        t = apply(t, new Command.RecordContact("已联系市民"), URBAN);
        t = apply(t, new Command.SubmitReply("已清理占道摊点", ReplyResult.RESOLVED), URBAN);
        return apply(t, new Command.AcceptReply(null), DISPATCHER);
    }

    private static Ticket apply(Ticket t, Command c, Actor a) throws Exception {
        return TelephonyTestBed.await(service.apply(t.id(), c, a));
    }

    private static List<String> history(Ticket ticket) throws Exception {
        return TelephonyTestBed.await(service.history(ticket.id())).stream().map(e -> e.type() + " " + e.eventJson()).toList();
    }

    private static String phone() {
        return "137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }
}
