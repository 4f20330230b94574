package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The staff views carry each open clock's working time left, over real HTTP and real Redis. */
@Timeout(120)
class WorkingTimeCountdownIT {

    private static ApiTestServer server;
    private static String agent;
    private static String dispatcher;
    private static String district;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(11, config -> config);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        district = server.login("dongcheng1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void inboxTicketAndDeadlinesShowTheWorkingTimeLeftOfEveryOpenClock() {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "路灯不亮").put("content", "人民路路灯连续三晚不亮。")
            .put("appealType", "HELP").put("phone", "13800138071").put("name", "王五")
            .put("district", "东城区").put("address", "人民路8号"));
        String id = server.get("/api/v1/tickets?phone=13800138071", agent).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "d.dongcheng"));

        JsonObject inboxItem = server.get("/api/v1/inbox?size=100", district).bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast).filter(item -> id.equals(item.getString("id"))).findFirst().orElseThrow();
        JsonObject ticketClocks = server.get("/api/v1/tickets/" + id, district).bodyAsJsonObject().getJsonObject("clocks");
        JsonObject deadlineClocks = server.get("/api/v1/tickets/" + id + "/deadlines", district).bodyAsJsonObject().getJsonObject("clocks");

        for (JsonObject clocks : new JsonObject[] {inboxItem.getJsonObject("clocks"), ticketClocks, deadlineClocks}) {
            assertThat(clocks.fieldNames()).contains("SIGN", "HANDLE");
            for (String name : clocks.fieldNames()) {
                assertSane(name, clocks.getJsonObject(name));
            }
        }
    }

    /** Just assigned: time is left, and working time left is never more than the wall-clock time to the deadline. */
    private static void assertSane(String name, JsonObject clock) {
        if (clock.getValue("stoppedAt") != null) {
            assertThat(clock.containsKey("remainingWorkingSeconds")).as(name).isFalse();
            return;
        }
        long left = clock.getLong("remainingWorkingSeconds");
        long wall = Duration.between(Instant.now(), Instant.parse(clock.getString("dueAt"))).getSeconds();
        assertThat(left).as(name).isPositive().isLessThanOrEqualTo(wall + 5);
        assertThat(clock.getValue("countingNow")).as(name).isInstanceOf(Boolean.class);
        if (!clock.getBoolean("countingNow")) {
            assertThat(Instant.parse(clock.getString("countingChangesAt"))).as(name).isAfter(Instant.now());
        }
    }
}
