package org.hotline.dispatch.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.dispatch.duplicate.DuplicateFinderIT.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.dispatch.http.DuplicateRoutes;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Different callers, one place, one matter: the place index is fed by the real ticket event stream
 * ({@link PlaceIndexer}) and the finder suggests the merge with its reasons; other places, other
 * matters and closed windows are not suggested.
 */
@Timeout(120)
class DuplicateAcrossCallersIT {

    private static final String OIL_SMOKE = "金色家园3栋楼下的饭店排烟管道直接对着住宅楼，油烟没有净化，窗户都不敢开。";
    private final Vertx vertx = Vertx.vertx();
    private TicketService tickets;
    private PlaceIndex places;

    @BeforeEach
    void start() {
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/5"));
        var redis = await(connector.connect());
        redis.sync().flushdb();
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        tickets = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(), TicketServiceConfig.defaults());
        places = new PlaceIndex(vertx, redis.async(), Duration.ofDays(3));
        await(vertx.deployVerticle(new PlaceIndexer(places).group(redis.async(), "test", Duration.ofMillis(20))));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void anotherCallersOpenTicketAboutTheSamePlaceAndMatterIsSuggestedWithItsReasons() throws InterruptedException {
        Ticket neighbour = receive("13800138001", "饭店油烟扰民", OIL_SMOKE,
                new Location("金水区", "花园路街道", "金色家园社区", "金色家园3栋", null, null));
        receive("13800138002", "饭店油烟扰民", OIL_SMOKE, new Location("二七区", "建中街街道", null, "金色家园3栋", null, null));
        receive("13800138003", "路灯不亮", "金色家园3栋门口的路灯坏了一个月了，晚上出行很不方便。",
                new Location("金水区", "花园路街道", null, "金色家园3栋", null, null));
        receive("13800138004", "饭店油烟扰民", OIL_SMOKE, new Location("金水区", "花园路街道", null, "未来路88号", null, null));
        awaitIndexed("金水区", 3);
        awaitIndexed("二七区", 1);
        DuplicateFinder finder = new DuplicateFinder(tickets, Duration.ofDays(7), 0.35, places, PlaceMatch.defaults());

        List<DuplicateFinder.Candidate> found = await(finder.find(new DuplicateQuery("13900139009", "楼下油烟太大",
                "我家住金色家园3号楼，楼下饭店的油烟直接排到我们楼里，希望管一管。", "金水区", "花园路街道", "金色家园3号楼", null),
                Instant.now()));

        assertThat(found).extracting(DuplicateFinder.Candidate::ticketId).containsExactly(neighbour.id().value());
        assertThat(found.get(0).basis()).isEqualTo("same-place");
        assertThat(found.get(0).explanation()).contains("其他来电人", "金水区", "地址相似度", "文本相似度", "建议合并");
    }

    @Test
    void withoutAnAddressTheSameStreetAndCategoryStandForThePlaceButAnotherStreetDoesNot() throws InterruptedException {
        Ticket neighbour = receive("13800138001", "饭店油烟扰民", OIL_SMOKE,
                new Location("金水区", "花园路街道", null, null, null, null));
        receive("13800138005", "饭店油烟扰民", OIL_SMOKE, new Location("金水区", "经八路街道", null, null, null, null));
        awaitIndexed("金水区", 2);
        DuplicateFinder finder = new DuplicateFinder(tickets, Duration.ofDays(7), 0.35, places, PlaceMatch.defaults());

        List<DuplicateFinder.Candidate> found = await(finder.find(new DuplicateQuery(null, "油烟",
                "金色家园楼下饭店油烟直排，没有净化", "金水区", "花园路街道", null, null), Instant.now()));
        List<DuplicateFinder.Candidate> outsideTheWindow = await(finder.find(new DuplicateQuery(null, "油烟",
                "金色家园楼下饭店油烟直排，没有净化", "金水区", "花园路街道", null, null), Instant.now().plus(Duration.ofDays(4))));

        assertThat(found).extracting(DuplicateFinder.Candidate::ticketId).containsExactly(neighbour.id().value());
        assertThat(found.get(0).explanation()).contains("同一街道 花园路街道");
        assertThat(outsideTheWindow).isEmpty();
    }

    @Test
    void theSameCallersTicketIsListedOnceAsTheCallersEvenWhenItIsAlsoAtTheSamePlace() throws InterruptedException {
        Ticket own = receive("13800138001", "饭店油烟扰民", OIL_SMOKE,
                new Location("金水区", "花园路街道", null, "金色家园3栋", null, null));
        awaitIndexed("金水区", 1);
        DuplicateFinder finder = new DuplicateFinder(tickets, Duration.ofDays(7), 0.35, places, PlaceMatch.defaults());

        List<DuplicateFinder.Candidate> found = await(finder.find(new DuplicateQuery("13800138001", "饭店油烟扰民",
                OIL_SMOKE, "金水区", "花园路街道", "金色家园3栋", null), Instant.now()));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).ticketId()).isEqualTo(own.id().value());
        assertThat(found.get(0).basis()).isEqualTo("same-caller");
    }

    @Test
    void theRouteTakesTheLocationAndAnswersTheBasisAndRefusesALocationThatIsNotAnObject() throws InterruptedException {
        Ticket neighbour = receive("13800138001", "饭店油烟扰民", OIL_SMOKE,
                new Location("金水区", "花园路街道", null, "金色家园3栋", null, null));
        awaitIndexed("金水区", 1);
        var tokens = new JwtTokens(vertx,
                AuthConfig.of("duplicates-test-secret-of-at-least-32-bytes", null));
        var router = new DuplicateRoutes(new DuplicateFinder(tickets, Duration.ofDays(7), 0.35,
                places, PlaceMatch.defaults()), Clock.systemUTC(), Authenticated.handler(tokens))
                .mount(Router.router(vertx));
        var server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        var client = WebClient.create(vertx);
        String token = tokens.issue(Actor.agent("a1", "坐席甲"));
        JsonObject body = new JsonObject().put("phone", "13900139009")
                .put("title", "楼下油烟太大").put("content", "金色家园3栋楼下饭店的油烟直接排到楼里，窗户不敢开")
                .put("location", new JsonObject().put("district", "金水区").put("address", "金色家园3栋"));

        var found = await(client.post(server.actualPort(), "127.0.0.1", DuplicateRoutes.DUPLICATES)
                .bearerTokenAuthentication(token).sendJsonObject(body));
        var refused = await(client.post(server.actualPort(), "127.0.0.1", DuplicateRoutes.DUPLICATES)
                .bearerTokenAuthentication(token).sendJsonObject(body.copy().put("location", "金水区")));

        assertThat(found.statusCode()).isEqualTo(200);
        var candidate = found.bodyAsJsonObject().getJsonArray("candidates").getJsonObject(0);
        assertThat(candidate.getString("ticketId")).isEqualTo(neighbour.id().value());
        assertThat(candidate.getString("basis")).isEqualTo("same-place");
        assertThat(candidate.getString("explanation")).contains("地址相似度");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    private Ticket receive(String phone, String title, String content, Location location) {
        return await(tickets.receive(new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, title, content,
                new Caller("市民", phone, false, false), location, List.of()), Actor.agent("a1", "坐席甲"), null));
    }

    /** The indexer is another consumer of the stream: poll its result, bounded. */
    private void awaitIndexed(String district, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (await(places.since(district, Instant.EPOCH, 100)).size() < count) {
            assertThat(System.nanoTime()).as("tickets of " + district + " indexed").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
