package org.hotline.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.core.api.Problems;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Actor;
import org.hotline.search.SearchConfig;
import org.hotline.search.SearchModule;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.port.TicketSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hotline.testsupport.RealRedis;

/**
 * The HTTP routes on the embedded backend. A test handler stands in for the service API's token
 * check and puts the actor named by a header into the request, like {@link Authenticated#handler}.
 */
class SearchApiIT {

    static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");
    static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");
    static Vertx vertx;
    static TicketSearch search;
    static HttpServer server;
    static WebClient client;
    static RedisClient redis;
    static StatefulRedisConnection<String, String> connection;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        redis = RedisClient.create(RealRedis.shared().uri());
        connection = redis.connect();
        var config = SearchConfig.defaults(dir.resolve("index"));
        Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
        var module = await(SearchModule.open(vertx, config, TicketSnapshot.SEGMENTER, d -> Set.of(d), d -> d + "名称", clock));
        search = module.search();
        await(search.index(List.of(
                ticket("a1", DAY).text("烧烤店油烟扰民", "楼下烧烤店油烟很大，请回电13912345678").department("D-ENV").phone("13912345678")
                        .clock("HANDLE", Duration.ofDays(5)).category("0301", "油烟污染").routed(DAY, true, 1).document(),
                ticket("a2", DAY.plusSeconds(60)).text("烧烤摊油烟", "夜市烧烤油烟").department("D-CITY").confidential()
                        .clock("HANDLE", Duration.ofDays(30)).category("0301", "油烟污染").routed(DAY, false, 0).after("repliedAt", Duration.ofDays(1)).document(),
                ticket("a3", NOW.minusSeconds(3600)).text("路灯不亮", "路灯坏了").department("D-ROADS").set("channel", "WEB").document())));
        await(search.refresh());
        Router router = Router.router(vertx);
        Problems.install(router);
        router.route("/api/v1/*").handler(ctx -> {
            String role = ctx.request().getHeader("X-Test-Actor");
            if (role != null) {
                Authenticated.set(ctx, switch (role) {
                    case "agent" -> Actor.agent("u1", "坐席一");
                    case "supervisor" -> Actor.supervisor("u2", "班长");
                    default -> Actor.department("u3", role, "单位用户");
                });
            }
            ctx.next();
        });
        module.mount(router, new AuditLog(vertx, connection.async(), clock));
        server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        connection.close();
        redis.shutdown();
        await(vertx.close());
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<Buffer> get(String actor, String uri) {
        var request = client.get(server.actualPort(), "127.0.0.1", uri);
        if (actor != null) {
            request.putHeader("X-Test-Actor", actor);
        }
        return await(request.send());
    }

    @Test
    void agentsSeeCallersInClearExceptConfidentialOnes() {
        JsonObject body = get("agent", "/api/v1/search/tickets?q=%E6%B2%B9%E7%83%9F").bodyAsJsonObject();
        assertThat(body.getLong("total")).isEqualTo(2);
        var hits = body.getJsonArray("hits");
        JsonObject open = hits.getJsonObject(0).getString("id").equals("a1") ? hits.getJsonObject(0) : hits.getJsonObject(1);
        JsonObject confidential = open == hits.getJsonObject(0) ? hits.getJsonObject(1) : hits.getJsonObject(0);
        assertThat(open.getJsonObject("caller").getString("phone")).isEqualTo("13912345678");
        assertThat(confidential.getJsonObject("caller").getString("phone")).isEqualTo("138****8000");
        assertThat(open.getJsonObject("highlight").getString("title")).contains("<em>油烟</em>");
    }

    @Test
    void aDepartmentFindsOnlyItsOwnTicketsWithTheCallerOfAnOpenOneInClear() {
        JsonObject body = get("D-ENV", "/api/v1/search/tickets?q=%E6%B2%B9%E7%83%9F").bodyAsJsonObject();
        assertThat(body.getLong("total")).isEqualTo(1);
        assertThat(body.getJsonArray("hits").getJsonObject(0).getJsonObject("caller").getString("phone")).isEqualTo("13912345678");
        // the handling department reads the text as the center does: it must call the citizen back
        assertThat(body.getJsonArray("hits").getJsonObject(0).getString("content")).endsWith("请回电13912345678");
        assertThat(get("D-ENV", "/api/v1/search/callers/13912345678/tickets").statusCode()).isEqualTo(403);
    }

    @Test
    void callerHistoryFindsTheCallersTickets() {
        JsonObject body = get("agent", "/api/v1/search/callers/13912345678/tickets").bodyAsJsonObject();
        assertThat(body.getJsonArray("hits")).hasSize(1);
    }

    @Test
    void aCallerLookupIsAuditedAsAPersonalDataReadWithoutTheNumberItself() {
        String before = lastAuditId();

        get("supervisor", "/api/v1/search/callers/13912345678/tickets");

        assertThat(auditSince(before)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "search.caller-lookup").containsEntry("actor", "u2")
                    .containsEntry("personalData", "true").containsEntry("resourceId", "a1");
            assertThat(entry.get("detail")).contains("byCallerNumber");
            assertThat(entry.values()).noneMatch(value -> value.contains("13912345678"));
        });
    }

    @Test
    void aResultListShowingCallersInClearIsAuditedWithTheTicketsItRevealed() {
        String before = lastAuditId();

        get("agent", "/api/v1/search/tickets?q=%E6%B2%B9%E7%83%9F");

        assertThat(auditSince(before)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "search.tickets").containsEntry("personalData", "true")
                .containsEntry("resourceId", "a1").containsEntry("detail", "hits=2;revealed=1"));
    }

    @Test
    void aSearchByAPhoneNumberIsAPersonalDataReadEvenWhenEveryCallerIsMasked() {
        String before = lastAuditId();

        get("D-CITY", "/api/v1/search/tickets?q=13912345678");

        assertThat(auditSince(before)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "search.tickets").containsEntry("personalData", "true").containsEntry("resourceId", "")
                .containsEntry("department", "D-CITY"));
    }

    @Test
    void aSearchThatRevealsNoCallerIsStillAuditedButNotAsAPersonalDataRead() {
        String before = lastAuditId();

        // another unit's tickets are not found, so nobody's caller is shown
        get("D-ROADS", "/api/v1/search/tickets?q=%E6%B2%B9%E7%83%9F");

        assertThat(auditSince(before)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "search.tickets").containsEntry("personalData", "false"));
    }

    @Test
    void aDepartmentsSearchThatShowsTheCallerOfItsOwnTicketIsAPersonalDataRead() {
        String before = lastAuditId();

        get("D-ROADS", "/api/v1/search/tickets?q=%E8%B7%AF%E7%81%AF");

        assertThat(auditSince(before)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "search.tickets").containsEntry("personalData", "true").containsEntry("resourceId", "a3"));
    }

    private static String lastAuditId() {
        var last = connection.sync().xrevrange(AuditLog.STREAM, Range.create("-", "+"), Limit.from(1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    // other test classes may append to the shared stream too: only this class's actors are looked at
    private static List<java.util.Map<String, String>> auditSince(String id) {
        return connection.sync().xrange(AuditLog.STREAM, Range.create(id, "+")).stream()
                .filter(message -> !message.getId().equals(id))
                .map(message -> message.getBody())
                .filter(body -> body.getOrDefault("action", "").startsWith("search."))
                .toList();
    }

    @Test
    void badParametersAreProblemsWithAChineseMessage() {
        var response = get("agent", "/api/v1/search/tickets?size=1000");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(get(null, "/api/v1/search/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void theCenterReportGivesTheDirectAnswerAndCallMeasuresToSupervisorsOnly() {
        var response = get("supervisor", "/api/v1/reports/center?from=2026-11-01&to=2026-11-30");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getLong("tickets")).isEqualTo(3);
        assertThat(body.getDouble("directAnswerRate")).isEqualTo(0.0);
        assertThat(body.getJsonObject("calls").getLong("offered")).isZero();
        assertThat(body.getJsonObject("calls").getValue("abandonmentRate")).isNull();
        assertThat(get("agent", "/api/v1/reports/center").statusCode()).isEqualTo(403);
    }

    @Test
    void theMisrouteReportGivesTheRatePerMonthAndCategorySplitByWhoAssignedToSupervisorsOnly() {
        var response = get("supervisor", "/api/v1/reports/misroutes?from=2026-11-01&to=2026-11-30");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject row = response.bodyAsJsonObject().getJsonArray("rows").getJsonObject(0);
        assertThat(response.bodyAsJsonObject().getJsonArray("rows")).hasSize(1);
        assertThat(row.getString("month")).isEqualTo("2026-11");
        assertThat(row.getString("category")).isEqualTo("0301");
        assertThat(row.getLong("assigned")).isEqualTo(2);
        assertThat(row.getLong("misrouted")).isEqualTo(1);
        assertThat(row.getDouble("misrouteRate")).isEqualTo(0.5);
        assertThat(row.getJsonObject("auto").getDouble("misrouteRate")).isEqualTo(1.0);
        assertThat(row.getJsonObject("dispatcher").getDouble("misrouteRate")).isEqualTo(0.0);
        assertThat(get("agent", "/api/v1/reports/misroutes").statusCode()).isEqualTo(403);
        assertThat(get("supervisor", "/api/v1/reports/misroutes?from=2026-11-30&to=2026-11-01").statusCode()).isEqualTo(400);
    }

    @Test
    void departmentReportComesAsJsonCsvForExcelAndXlsx() throws Exception {
        JsonObject json = get("supervisor", "/api/v1/reports/departments?from=2026-11-01&to=2026-11-30").bodyAsJsonObject();
        assertThat(json.getJsonArray("departments")).hasSize(3);
        JsonObject env = json.getJsonArray("departments").getJsonObject(1);
        assertThat(env.getString("department")).isEqualTo("D-ENV");
        assertThat(env.getLong("overdue")).isEqualTo(1);
        assertThat(env.getString("departmentName")).isEqualTo("D-ENV名称");
        byte[] csv = get("supervisor", "/api/v1/reports/departments?from=2026-11-01&to=2026-11-30&format=csv").body().getBytes();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("按时办结率").contains("D-ENV名称");
        byte[] xlsx = get("supervisor", "/api/v1/reports/departments?from=2026-11-01&to=2026-11-30&format=xlsx").body().getBytes();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(4);
            assertThat(book.getSheetAt(0).getRow(0).getCell(5).getStringCellValue()).isEqualTo("按时办结率");
        }
        assertThat(get("D-ENV", "/api/v1/reports/departments").statusCode()).isEqualTo(403);
    }

    @Test
    void volumesAndRankingAnswerForTheMonth() {
        JsonObject volumes = get("supervisor", "/api/v1/reports/volumes?from=2026-11-01&to=2026-11-30&by=month&dimension=channel").bodyAsJsonObject();
        assertThat(volumes.getJsonArray("buckets").stream().map(o -> ((JsonObject) o).getString("key")).toList()).containsExactly("PHONE", "WEB");
        JsonObject ranking = get("supervisor", "/api/v1/reports/ranking?month=2026-11").bodyAsJsonObject();
        assertThat(ranking.getJsonArray("departments").getJsonObject(0).getInteger("rank")).isEqualTo(1);
    }

    @Test
    void dashboardSummaryMatchesTheSearchAndThePageIsServedWithLocalEcharts() {
        JsonObject summary = get("supervisor", "/api/v1/dashboard/summary").bodyAsJsonObject();
        assertThat(summary.getJsonObject("open").getLong("total")).isEqualTo(3);
        assertThat(summary.getJsonObject("open").getLong("red")).isEqualTo(1);
        assertThat(summary.getJsonObject("overdue").getLong("total"))
                .isEqualTo(get("supervisor", "/api/v1/search/tickets?overdue=true").bodyAsJsonObject().getLong("total"));
        assertThat(summary.getJsonObject("today").getJsonObject("byChannel").getLong("WEB")).isEqualTo(1);
        var page = get(null, "/dashboard/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("督办看板").contains("echarts/echarts.min.js");
        assertThat(get(null, "/dashboard/echarts/echarts.min.js").statusCode()).isEqualTo(200);
    }
}
