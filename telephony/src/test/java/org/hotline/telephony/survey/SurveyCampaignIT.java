package org.hotline.telephony.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.hotline.core.api.Problems;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.MessageChannel;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The survey campaign on a real Redis of its own (the campaign key is global) and the real Redis
 * ticket store: tickets go through review, robot visits (the SMS and voice channels' system actors),
 * agents' visits and re-visits; the figures are read over HTTP from the routes the server mounts.
 * Each test works in its own cohort month (the ticket service's clock is set into it), so its
 * figures are exact, not deltas.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SurveyCampaignIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final Actor URBAN = Actor.department("u1", "urban", "城管局经办人");
    private static final Actor SMS = Actor.system("sms-survey");
    private static final Actor VOICE = Actor.system("voice-survey");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RealRedis redis;
    private static Vertx vertx;
    private static RedisTicketStore store;
    private static StatefulRedisConnection<String, String> connection;
    private static SurveyCampaignVerticle campaign;
    private static WebClient http;
    private static int port;

    @BeforeAll
    static void start() {
        redis = RealRedis.startNew(RealRedis.Options.defaults());
        vertx = Vertx.vertx();
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(redis.uri()));
        store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        connection = await(connector.connect());
        campaign = new SurveyCampaignVerticle(connection.async(), "it-node", ZONE);
        await(vertx.deployVerticle(campaign));
        Router router = Router.router(vertx);
        router.route().failureHandler(Problems.failureHandler());
        SurveyRoutes.mount(router, campaign);
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        port = server.actualPort();
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void theReportCountsEachChannelsResponseRateRobotAgentAgreementAndDissatisfiedReVisitsExactly() {
        setCampaign(campaign(1.0, 1.0));
        TicketService s = serviceIn(YearMonth.of(2026, 1));
        Ticket agreeing = surveyed(s, MessageChannel.SMS);
        visit(s, agreeing, SMS, Resolution.RESOLVED, Satisfaction.SATISFIED);
        visit(s, agreeing, AGENT, Resolution.RESOLVED, Satisfaction.SATISFIED);
        Ticket dissatisfied = surveyed(s, MessageChannel.SMS);
        visit(s, dissatisfied, SMS, Resolution.UNRESOLVED, Satisfaction.DISSATISFIED);
        visit(s, dissatisfied, AGENT, Resolution.UNRESOLVED, Satisfaction.BASICALLY_SATISFIED);
        surveyed(s, MessageChannel.SMS);
        Ticket byVoice = surveyed(s, MessageChannel.VOICE);
        visit(s, byVoice, VOICE, Resolution.PARTLY_RESOLVED, Satisfaction.BASICALLY_SATISFIED);

        JsonObject total = awaitMonth("2026-01", t -> channel(t, "VOICE").getLong("answered") == 1);
        assertThat(channel(total, "SMS").getLong("surveyed")).isEqualTo(3);
        assertThat(channel(total, "SMS").getLong("answered")).isEqualTo(2);
        assertThat(channel(total, "SMS").getDouble("responseRate")).isEqualTo(0.6667);
        assertThat(channel(total, "VOICE").getLong("surveyed")).isEqualTo(1);
        assertThat(channel(total, "VOICE").getDouble("responseRate")).isEqualTo(1.0);
        assertThat(channel(total, "AGENT").getLong("surveyed")).isZero();
        JsonObject agreement = total.getJsonObject("agreement");
        assertThat(agreement.getLong("sampled")).isEqualTo(3);
        assertThat(agreement.getLong("compared")).isEqualTo(2);
        assertThat(agreement.getLong("sameSatisfaction")).isEqualTo(1);
        assertThat(agreement.getLong("sameResolution")).isEqualTo(2);
        assertThat(agreement.getLong("sameBoth")).isEqualTo(1);
        assertThat(agreement.getDouble("agreementRate")).isEqualTo(0.5);
        JsonObject revisits = total.getJsonObject("dissatisfiedRevisits");
        assertThat(revisits.getLong("due")).isEqualTo(1);
        assertThat(revisits.getLong("revisited")).isEqualTo(1);
        assertThat(revisits.getDouble("completionRate")).isEqualTo(1.0);
        assertThat(revisitList()).contains(byVoice.id().value()).doesNotContain(agreeing.id().value(), dissatisfied.id().value());
    }

    @Test
    void replayingEveryEventOfTheStreamChangesNoFigure() {
        setCampaign(campaign(1.0, 1.0));
        TicketService s = serviceIn(YearMonth.of(2026, 2));
        Ticket t = surveyed(s, MessageChannel.SMS);
        visit(s, t, SMS, Resolution.RESOLVED, Satisfaction.DISSATISFIED);
        visit(s, t, AGENT, Resolution.RESOLVED, Satisfaction.DISSATISFIED);
        JsonObject before = awaitMonth("2026-02", f -> f.getJsonObject("agreement").getLong("compared") == 1);

        List<StreamMessage<String, String>> all = await(Future.fromCompletionStage(
                connection.async().xrange(RedisKeys.TICKET_EVENTS, Range.create("-", "+"))));
        Future<Void> replay = Future.succeededFuture();
        for (StreamMessage<String, String> m : all) {
            TicketEventEntry entry = TicketEventEntry.read(new StreamEntry(m.getStream(), m.getId(), m.getBody()));
            replay = replay.compose(v -> campaign.events().on(entry));
        }
        await(replay);
        assertThat(report("2026-02", "2026-02").getJsonObject("total")).isEqualTo(before);
        assertThat(before.getJsonObject("agreement").getLong("sameBoth")).isEqualTo(1);
    }

    @Test
    void ticketsOutsideTheRobotSampleAreLeftToAgentsAndCountAsAgentPhone() {
        setCampaign(campaign(0.0, 0.0));
        TicketService s = serviceIn(YearMonth.of(2026, 3));
        Ticket answered = reviewed(s);
        visit(s, answered, AGENT, Resolution.RESOLVED, Satisfaction.SATISFIED);
        Ticket unrated = reviewed(s);
        visit(s, unrated, AGENT, Resolution.RESOLVED, Satisfaction.NO_RATING);
        Ticket waiting = reviewed(s);
        assertThat(await(campaign.events().plan(waiting.id().value(), Instant.now(s.clock())))).isEqualTo(SurveyCampaign.Plan.AGENT);

        JsonObject total = awaitMonth("2026-03", t -> channel(t, "AGENT").getLong("surveyed") == 3);
        assertThat(channel(total, "AGENT").getLong("answered")).isEqualTo(1);
        assertThat(channel(total, "AGENT").getDouble("responseRate")).isEqualTo(0.3333);
        assertThat(channel(total, "SMS").getLong("surveyed")).isZero();
    }

    @Test
    void aTicketLeavesTheReVisitListWhenAnAgentReVisitsItOrItIsClosedAndCountsNothingAfterwards() {
        setCampaign(campaign(1.0, 0.0));
        TicketService s = serviceIn(YearMonth.of(2026, 4));
        Ticket revisited = surveyed(s, MessageChannel.SMS);
        visit(s, revisited, SMS, Resolution.UNRESOLVED, Satisfaction.DISSATISFIED);
        Ticket closed = surveyed(s, MessageChannel.SMS);
        visit(s, closed, SMS, Resolution.RESOLVED, Satisfaction.DISSATISFIED);
        awaitMonth("2026-04", t -> t.getJsonObject("dissatisfiedRevisits").getLong("due") == 2);
        JsonObject item = revisitItems().stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("ticketId").equals(closed.id().value())).findFirst().orElseThrow();
        assertThat(item.getJsonArray("reasons")).containsExactly("DISSATISFIED");
        assertThat(item.getString("robotSatisfaction")).isEqualTo("DISSATISFIED");

        visit(s, revisited, AGENT, Resolution.UNRESOLVED, Satisfaction.DISSATISFIED);
        await(s.apply(closed.id(), new Command.Close("市民不再接听"), DISPATCHER));
        JsonObject total = awaitMonth("2026-04", t -> t.getJsonObject("dissatisfiedRevisits").getLong("revisited") == 1
                && !revisitList().contains(closed.id().value()));
        assertThat(revisitList()).doesNotContain(revisited.id().value());
        assertThat(total.getJsonObject("dissatisfiedRevisits").getDouble("completionRate")).isEqualTo(0.5);
        assertThat(total.getJsonObject("agreement").getLong("sampled")).isZero();
    }

    @Test
    void administratorsReadAndSetTheCampaignAndBadInputIsAChinese400() {
        JsonObject set = new JsonObject().put("robotRate", 0.3).put("revisitDissatisfied", false).put("agreementRate", 0.1).put("seed", "2027");
        assertThat(setCampaign(set)).isEqualTo(set);
        assertThat(await(http.get(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).send()).bodyAsJsonObject()).isEqualTo(set);

        assertProblem(await(http.put(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).sendBuffer(Buffer.buffer("{oops"))), "请求体须为 JSON");
        assertProblem(await(http.put(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).sendJsonObject(set.copy().put("robotRate", 2))), "0 到 1");
        assertProblem(await(http.put(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).sendJsonObject(set.copy().putNull("seed"))), "seed");
        assertProblem(await(http.get(port, "127.0.0.1", SurveyRoutes.REPORT + "?from=2026-13&to=2026-12").send()), "月份");
        assertProblem(await(http.get(port, "127.0.0.1", SurveyRoutes.REPORT + "?from=2026-12&to=2026-01").send()), "from 不晚于 to");
        assertThat(await(http.get(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).send()).bodyAsJsonObject()).isEqualTo(set);
    }

    // ---- helpers

    private static void assertProblem(HttpResponse<Buffer> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains(detail);
    }

    /** Every dissatisfied answer re-visited; the robot's and the agreement sample's rates as given. */
    private static JsonObject campaign(double robotRate, double agreementRate) {
        return new JsonObject().put("robotRate", robotRate).put("revisitDissatisfied", true).put("agreementRate", agreementRate)
                .put("seed", "it");
    }

    private static JsonObject setCampaign(JsonObject body) {
        HttpResponse<Buffer> r = await(http.put(port, "127.0.0.1", SurveyRoutes.CAMPAIGN).sendJsonObject(body));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private static JsonObject report(String from, String to) {
        HttpResponse<Buffer> r = await(http.get(port, "127.0.0.1", SurveyRoutes.REPORT + "?from=" + from + "&to=" + to).send());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private static JsonArray revisitItems() {
        HttpResponse<Buffer> r = await(http.get(port, "127.0.0.1", SurveyRoutes.REVISITS).send());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items");
    }

    private static List<String> revisitList() {
        return revisitItems().stream().map(i -> ((JsonObject) i).getString("ticketId")).toList();
    }

    /** Polls the month's figures until the last expected event shows (the ledger follows the stream in order), then answers them. */
    private static JsonObject awaitMonth(String month, Predicate<JsonObject> caughtUp) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject total = report(month, month).getJsonObject("total");
            if (caughtUp.test(total)) {
                return total;
            }
            assertThat(System.nanoTime()).as("the ledger did not catch up: %s", total).isLessThan(deadline);
            await(vertx.timer(100));
        }
    }

    private static JsonObject channel(JsonObject total, String name) {
        return total.getJsonArray("channels").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("channel").equals(name)).findFirst().orElseThrow();
    }

    /** A ticket service whose clock runs in the middle of the given month (Beijing time). */
    private static TicketService serviceIn(YearMonth month) {
        Instant target = month.atDay(15).atTime(10, 0).atZone(ZONE).toInstant();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
        return new TicketService(store, SeedLoader.fromClasspath(), clock, TicketServiceConfig.defaults());
    }

    private static Ticket reviewed(TicketService s) {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "人民路占道经营",
                "晚上有商贩占道经营", new Caller("张三丰", "13900001111", false, false), null, List.of());
        Ticket t = await(s.receive(appeal, AGENT, null));
        t = await(s.apply(t.id(), new Command.Classify(s.seed().categories().find("010201").orElseThrow(), null, null, null), AGENT));
        t = await(s.apply(t.id(), new Command.Assign("urban", Set.of(), null), DISPATCHER));
        t = await(s.apply(t.id(), new Command.Sign(), URBAN));
        t = await(s.apply(t.id(), new Command.RecordContact("已联系市民"), URBAN));
        t = await(s.apply(t.id(), new Command.SubmitReply("已清理占道摊点", ReplyResult.RESOLVED), URBAN));
        return await(s.apply(t.id(), new Command.AcceptReply(null), DISPATCHER));
    }

    /** Reviewed, and the robot's survey sent: an SMS the center took, or a voice survey call placed. */
    private static Ticket surveyed(TicketService s, MessageChannel channel) {
        Ticket t = reviewed(s);
        Actor robot = channel == MessageChannel.SMS ? SMS : VOICE;
        return await(s.apply(t.id(), new Command.RecordMessage(channel, channel == MessageChannel.SMS ? "survey" : "voice-survey",
                channel == MessageChannel.SMS ? "submitted" : "answered",
                "ref-" + t.id().value()), robot));
    }

    private static void visit(TicketService s, Ticket t, Actor actor, Resolution resolution, Satisfaction satisfaction) {
        await(s.apply(t.id(), new Command.RecordReturnVisit(resolution, satisfaction, "回访"), actor));
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
