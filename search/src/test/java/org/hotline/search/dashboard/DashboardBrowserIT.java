package org.hotline.search.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotline.core.api.Problems;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.RedisUserStore;
import org.hotline.core.auth.UserAccount;
import org.hotline.core.model.Role;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.SearchConfig;
import org.hotline.search.SearchModule;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.index.Parking;
import org.hotline.search.index.StreamEntries;
import org.hotline.testsupport.RealChromium;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor dashboard in real headless Chromium: a Vert.x server with the real login, the
 * search module's routes on the embedded Lucene backend, and the indexer reading the real Redis
 * ticket stream. The page must show what the reports and search API answer for the same data and
 * follow a ticket change over its event stream without being reloaded.
 */
@Timeout(240)
class DashboardBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "dashboard");
    static final Map<String, String> NAMES = Map.of("D-ENV", "市生态环境局", "D-ROADS", "市城市管理局");

    @TempDir
    Path dir;

    Vertx vertx;
    RedisClient redis;
    StatefulRedisConnection<String, String> connection;
    SearchModule module;
    WebClient client;
    String base;
    String token;
    final String username = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    final Instant now = Instant.now();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        redis = RedisClient.create(RealRedis.shared().uri());
        connection = redis.connect();
        connection.sync().del(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, StreamEntries.HISTORY_IMPORT, Parking.PARKED);
        var config = SearchConfig.defaults(dir.resolve("index")).withConsumerName("browser-1");
        module = await(SearchModule.open(vertx, config, TicketSnapshot.SEGMENTER, Set::of,
                d -> NAMES.getOrDefault(d, d), Clock.systemUTC()));
        await(vertx.deployVerticle(module.indexer(redis.connect())));

        var users = new RedisUserStore(vertx, connection.async(), new PasswordHasher(1_000));
        await(users.create(new UserAccount.New(username, "dashboard-pass-1", Role.SUPERVISOR, null, "值班长")));
        var tokens = new JwtTokens(vertx, AuthConfig.of("dashboard-browser-test-secret-0123456789", null));
        var auth = new AuthRoutes(users, tokens, new AuditLog(vertx, connection.async(), Clock.systemUTC()), null,
                AuthRoutes.Guards.defaults(vertx, connection.async()));
        Router router = Problems.install(Router.router(vertx));
        router.route("/api/*").handler(Problems.bodyHandler(Problems.DEFAULT_BODY_LIMIT));
        auth.mountPublic(router);
        router.route("/api/v1/*").handler(Authenticated.handler(tokens));
        module.mount(router, new AuditLog(vertx, connection.async(), Clock.systemUTC()));
        int port = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
        base = "http://127.0.0.1:" + port;
        client = WebClient.create(vertx);
        token = await(client.postAbs(base + "/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", username).put("password", "dashboard-pass-1")))
                .bodyAsJsonObject().getString("token");
    }

    @AfterEach
    void stop() {
        await(module.close());
        await(vertx.close());
        connection.close();
        redis.shutdown();
    }

    @Test
    void theDashboardShowsTheApiNumbersAndFollowsATicketChangeWithoutReloading() {
        // one red (handling deadline passed, not replied), one in time, one closed on time
        event(ticket("b1", now.minus(Duration.ofHours(3))).text("小区噪音扰民", "夜间施工噪音很大").department("D-ENV")
                .clock("HANDLE", Duration.ofHours(1)), "TicketAssigned");
        event(ticket("b2", now.minus(Duration.ofMinutes(50))).text("路灯不亮", "花园路路灯坏了").department("D-ROADS")
                .set("status", "SIGNED").clock("HANDLE", Duration.ofDays(5)).after("signedAt", Duration.ofMinutes(5)), "TicketSigned");
        event(ticket("b3", now.minus(Duration.ofMinutes(40))).text("井盖缺失", "人行道井盖丢了").department("D-ROADS")
                .set("status", "CLOSED").set("channel", "WEB").clock("HANDLE", Duration.ofDays(5))
                .after("repliedAt", Duration.ofMinutes(20)).after("closedAt", Duration.ofMinutes(30)), "TicketClosed");

        WebDriver browser = RealChromium.newDriver();
        try {
            browser.get(base + "/dashboard/");
            browser.findElement(By.name("username")).sendKeys(username);
            browser.findElement(By.name("password")).sendKeys("dashboard-pass-1");
            browser.findElement(By.cssSelector("#login-form button")).click();
            waitFor(browser, b -> "2".equals(text(b, "open-total")) && "实时更新中".equals(text(b, "status")));

            assertPageMatchesTheApi(browser, 2, 1);
            assertThat(browser.findElement(By.cssSelector("#overdue tbody")).getText()).contains("12345-20261122-b1", "小区噪音扰民", "市生态环境局");
            // every figure opens what is behind it in the work console, under the same login
            assertThat(browser.findElement(By.linkText("12345-20261122-b1")).getDomAttribute("href")).isEqualTo("/console/#ticket=12345-20261122-b1");
            assertThat(browser.findElement(By.cssSelector("#departments tbody a")).getDomAttribute("href")).startsWith("/console/#list=department%3D");
            assertThat(js(browser, "return JSON.parse(sessionStorage.getItem('hotline.console.session')).token.length > 0")).isEqualTo(true);
            // hot topics and this month's ranking are the reports API's; no telephony here, so no answer rate
            var topics = api("/api/v1/reports/hot-topics?size=10").getJsonArray("topics");
            var ranking = api("/api/v1/reports/ranking").getJsonArray("departments");
            assertThat(ranking).isNotEmpty();
            waitFor(browser, b -> b.findElements(By.cssSelector("#hot-topics li")).size() == topics.size()
                    && b.findElements(By.cssSelector("#ranking tbody tr")).size() == ranking.size());
            topics.stream().map(t -> ((JsonObject) t).getString("word")).forEach(word -> assertThat(text(browser, "hot-topics")).contains(word));
            assertThat(browser.findElement(By.cssSelector("#ranking tbody")).getText())
                    .contains(((JsonObject) ranking.getValue(0)).getString("departmentName"));
            assertThat(text(browser, "answer15")).isEqualTo("未接入话务");
            assertThat(js(browser, "return typeof echarts === 'object' && document.querySelectorAll('.chart canvas').length")).isEqualTo(3L);
            @SuppressWarnings("unchecked")
            var resources = (List<String>) js(browser, "return performance.getEntriesByType('resource').map(e => e.name)");
            assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith(base + "/"));
            RealChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-loaded.png"));

            js(browser, "window.sameDocument = true; return null");
            long updates = (Long) js(browser, "return window.hotlineDashboard.updates");
            // the extension moves b1's deadline two days on: no longer red nor overdue
            event(ticket("b1", now.minus(Duration.ofHours(3))).text("小区噪音扰民", "夜间施工噪音很大").department("D-ENV").version(2)
                    .set("status", "IN_PROGRESS").clock("HANDLE", Duration.ofDays(2)), "ExtensionApproved");
            event(ticket("b4", now.minus(Duration.ofMinutes(1))).text("供暖不热", "家里暖气不热").department("D-ENV")
                    .set("channel", "WECHAT").clock("HANDLE", Duration.ofDays(5)), "TicketAssigned");
            waitFor(browser, b -> "3".equals(text(b, "open-total")) && "0".equals(text(b, "red")));

            assertThat(js(browser, "return window.sameDocument === true")).isEqualTo(true);
            assertThat((Long) js(browser, "return window.hotlineDashboard.updates")).isGreaterThan(updates);
            assertPageMatchesTheApi(browser, 3, 0);
            RealChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-updated.png"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aBadCardListRequestIsAChinese400AndAServerWithoutTheStoresCountersSaysItCannotList() {
        for (String query : List.of("colour=blue", "colour=red&department=urban&clock=SIGN", "colour=red&clock=RETURN_WINDOW",
                "colour=red&department=Not%20A%20Unit", "colour=yellow&size=0", "colour=yellow&size=many")) {
            var response = await(client.getAbs(base + "/api/v1/dashboard/cards?" + query).bearerTokenAuthentication(token).send());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(response.bodyAsJsonObject().getString("detail")).as(query).matches("(?s).*[\\u4e00-\\u9fa5].*");
        }
        // this module alone recomputes the figures from the search store, which keeps no card lists
        var unavailable = await(client.getAbs(base + "/api/v1/dashboard/cards?colour=red").bearerTokenAuthentication(token).send());
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.bodyAsJsonObject().getString("code")).isEqualTo("dashboard.cards-unavailable");
    }

    /** Cards and the department table equal the search and reports API; the numbers are also the expected ones. */
    private void assertPageMatchesTheApi(WebDriver browser, long open, long red) {
        long all = api("/api/v1/search/tickets?size=1").getLong("total");
        long closed = api("/api/v1/search/tickets?size=1&status=CLOSED").getLong("total");
        long overdueOpen = api("/api/v1/search/tickets?size=1&overdue=true").getLong("total");
        String today = LocalDate.now(module.config().zone()).toString();
        long todayTotal = api("/api/v1/reports/volumes?by=day&from=" + today + "&to=" + today).getJsonArray("buckets")
                .stream().mapToLong(b -> ((JsonObject) b).getLong("count")).sum();
        assertThat(all - closed).isEqualTo(open);
        assertThat(overdueOpen).isEqualTo(red);
        assertThat(text(browser, "open-total")).isEqualTo(Long.toString(all - closed));
        assertThat(text(browser, "red")).isEqualTo(Long.toString(overdueOpen));
        assertThat(text(browser, "today-total")).isEqualTo(Long.toString(todayTotal));

        var month = LocalDate.now(module.config().zone()).withDayOfMonth(1).toString();
        var rows = api("/api/v1/reports/departments?from=" + month + "&to=" + today).getJsonArray("departments");
        var table = browser.findElement(By.cssSelector("#departments tbody")).getText();
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> {
            var row = (JsonObject) r;
            assertThat(table).contains(row.getString("departmentName") + " " + row.getLong("tickets") + " "
                    + percent(row.getDouble("onTimeSignRate")) + " " + percent(row.getDouble("responseRate")) + " "
                    + percent(row.getDouble("onTimeCompletionRate")) + " " + percent(row.getDouble("satisfactionRate")) + " "
                    + row.getLong("overdue"));
        });
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    private JsonObject api(String uri) {
        var response = await(client.getAbs(base + uri)
                .bearerTokenAuthentication(token).send());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private void event(TicketSnapshot snapshot, String type) {
        var doc = snapshot.document();
        connection.sync().xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", doc.id(), "number", doc.number(),
                "version", Long.toString(doc.version()), "type", type, "at", now.toString(),
                "event", "{\"type\":\"" + type + "\"}", "ticket", snapshot.json()));
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitFor(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition::apply);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed: " + e, e);
        }
    }
}
