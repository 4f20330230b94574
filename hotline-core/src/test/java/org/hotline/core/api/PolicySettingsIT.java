package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.hotline.core.catalog.TimeLimitRule;
import org.hotline.core.time.ClockName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Administrators edit the time-limit table and the calendar over HTTP; the change is kept in real
 * Redis, so a node running next to this one picks it up and a node started later loads it.
 */
@Timeout(120)
class PolicySettingsIT {

    private static final int DATABASE = 10;
    private static ApiTestServer server;
    private static ApiTestServer neighbour;
    private static String admin;
    private static String dispatcher;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(DATABASE, config -> config);
        neighbour = new ApiTestServer(DATABASE, config -> config, false);
        admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        neighbour.close();
        server.close();
    }

    private static HttpResponse<Buffer> put(String token, JsonObject body) {
        return server.send(HttpMethod.PUT, "/api/v1/admin/time-limits", token, body.toBuffer());
    }

    /** The current table with the general rule's handling limit changed. */
    private static JsonObject generalHandlingLimit(String limit) {
        JsonObject table = server.get("/api/v1/admin/time-limits", admin).bodyAsJsonObject();
        JsonArray rules = table.getJsonArray("rules");
        rules.getJsonObject(rules.size() - 1).getJsonObject("clocks").put("HANDLE", limit);
        return table;
    }

    private static String generalHandlingOf(ApiTestServer node) {
        var rules = node.service.seed().timeLimits().rules();
        TimeLimitRule general = rules.get(rules.size() - 1);
        return general.limits().limit(ClockName.HANDLE).orElseThrow().code();
    }

    /** Waits for a condition another node reaches on its own poll, checking every 100 ms. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 20 s").isLessThan(deadline);
            ApiTestServer.await(io.vertx.core.Future.future(p -> server.vertx.setTimer(100, id -> p.complete())));
        }
    }

    @Test
    void aReplacedTableAppliesHereAtOnceToTheNeighbourOnItsPollAndToANodeStartedLater() {
        HttpResponse<Buffer> replaced = put(admin, generalHandlingLimit("3wd"));

        assertThat(replaced.statusCode()).as(replaced.bodyAsString()).isEqualTo(200);
        assertThat(replaced.bodyAsString()).contains("\"HANDLE\":\"3wd\"");
        assertThat(generalHandlingOf(server)).isEqualTo("3wd");
        eventually(() -> generalHandlingOf(neighbour).equals("3wd"));
        try (ApiTestServer later = new ApiTestServer(DATABASE, config -> config, false)) {
            assertThat(generalHandlingOf(later)).isEqualTo("3wd");
        }
        put(admin, generalHandlingLimit("5wd"));
    }

    @Test
    void aTableThatCannotWorkIsRefusedWithTheReasonAndNothingChanges() {
        JsonObject lastRuleWithCriteria = generalHandlingLimit("5wd");
        JsonArray rules = lastRuleWithCriteria.getJsonArray("rules");
        rules.getJsonObject(rules.size() - 1).put("urgencies", new JsonArray().add("NORMAL"));
        JsonObject unknownField = generalHandlingLimit("5wd");
        unknownField.getJsonArray("rules").getJsonObject(0).put("colour", "red");
        JsonObject badLimit = generalHandlingLimit("five days");

        HttpResponse<Buffer> refused = put(admin, lastRuleWithCriteria);

        AuthAndProblemsIT.assertProblem(refused, 400, "policy.invalid");
        assertThat(refused.bodyAsJsonObject().getString("detail")).startsWith("时限规则无效").contains("最后一条规则");
        AuthAndProblemsIT.assertProblem(put(admin, unknownField), 400, "request.unknown-field");
        AuthAndProblemsIT.assertProblem(put(admin, badLimit), 400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(put(dispatcher, generalHandlingLimit("1wd")), 403, "auth.role-not-allowed");
        assertThat(generalHandlingOf(server)).isEqualTo("5wd");
    }

    @Test
    void aHolidayYearAddedOverHttpIsKnownToEveryNode() {
        String year2031 = """
            {"year": 2031, "papers": [], "days": [
              {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
              {"name": "春节", "date": "2031-01-26", "isOffDay": false}]}""";

        HttpResponse<Buffer> added = server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin,
            Buffer.buffer(year2031.getBytes(StandardCharsets.UTF_8)));

        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(200);
        assertThat(server.get("/api/v1/admin/calendar", admin).bodyAsJsonObject().getJsonArray("years").getList()).contains(2031);
        eventually(() -> neighbour.service.seed().calendar().knowsYear(2031));
        try (ApiTestServer later = new ApiTestServer(DATABASE, config -> config, false)) {
            assertThat(later.service.seed().calendar().knowsYear(2031)).isTrue();
            assertThat(later.service.seed().calendar().isWorkingDay(java.time.LocalDate.of(2031, 1, 1))).isFalse();
        }
    }

    @Test
    void anEmptyOrMalformedHolidayYearIsRefusedAndTheYearStaysUnknown() {
        String empty = """
            {"year": 2028, "papers": [], "days": []}""";
        String outsideTheYear = """
            {"year": 2029, "papers": [], "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}]}""";

        HttpResponse<Buffer> refusedEmpty = server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin,
            Buffer.buffer(empty.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<Buffer> refusedOutside = server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin,
            Buffer.buffer(outsideTheYear.getBytes(StandardCharsets.UTF_8)));

        AuthAndProblemsIT.assertProblem(refusedEmpty, 400, "calendar.invalid-file");
        assertThat(refusedEmpty.bodyAsJsonObject().getString("detail")).contains("没有任何日期");
        AuthAndProblemsIT.assertProblem(refusedOutside, 400, "calendar.invalid-file");
        assertThat(refusedOutside.bodyAsJsonObject().getString("detail")).contains("不在2029年内");
        assertThat(server.service.seed().calendar().knowsYear(2028)).isFalse();
        // the bundled 2027 file has no days yet: no data, so 2027 is unknown, and the administrator is told
        assertThat(server.service.seed().calendar().knowsYear(2027)).isFalse();
        assertThat(server.get("/api/v1/admin/calendar", admin).bodyAsJsonObject().getJsonArray("warnings")).isNotNull();
    }
}
