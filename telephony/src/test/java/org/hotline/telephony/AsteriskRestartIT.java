package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asterisk restarted in the middle of a call: the call still gets its record, the backend logs in
 * again, puts the logged-in agent back into its queue, and the next call is answered. Agents act
 * over the HTTP API here.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class AsteriskRestartIT {

    private static TelephonyTestBed bed;
    private static HttpServer server;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        bed = new TelephonyTestBed();
        Router router = TelephonyRoutes.mount(Router.router(bed.vertx), bed.telephony);
        server = TelephonyTestBed.await(bed.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        http = WebClient.create(bed.vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aRestartMidCallIsSurvivedAndTheAgentIsBackInItsQueue() throws Exception {
        assertThat(post("/api/telephony/agents/l3001/login", new JsonObject().put("queues", new io.vertx.core.json.JsonArray().add("common"))))
                .isEqualTo(200);
        assertThat(agentState("l3001")).isEqualTo("READY");
        CompletableFuture<JsonObject> pop = bed.next("telephony.agent.l3001", m -> "13900000007".equals(m.getString("caller")));
        CompletableFuture<JsonObject> cutOff = bed.next(TelephonyVerticle.RECORDED_ADDRESS, m -> "13900000007".equals(m.getString("caller")));
        bed.call("12345", "13900000007", "hold", Map.of());
        pop.get(45, TimeUnit.SECONDS);

        CompletableFuture<JsonObject> resynced = bed.next(TelephonyVerticle.RESYNCED_ADDRESS, m -> true);
        bed.asterisk.restart();

        assertThat(cutOff.get(45, TimeUnit.SECONDS).getString("agentId")).isEqualTo("l3001");
        resynced.get(60, TimeUnit.SECONDS);
        assertThat(bed.telephony.connected()).isTrue();
        CompletableFuture<JsonObject> next = bed.next(TelephonyVerticle.RECORDED_ADDRESS, m -> "13900000008".equals(m.getString("caller")));
        CompletableFuture<JsonObject> nextPop = bed.next("telephony.agent.l3001", m -> "13900000008".equals(m.getString("caller")));
        bed.asterisk.cli("core waitfullybooted");
        bed.reconnectPhoneNetwork();
        bed.call("12345", "13900000008", "hold", Map.of("HOTLINE_SIM_HOLD", "8"));
        assertThat(nextPop.get(45, TimeUnit.SECONDS).getString("queue")).isEqualTo("common");
        assertThat(post("/api/telephony/agents/l3001/logout", new JsonObject())).isEqualTo(200);
        assertThat(next.get(45, TimeUnit.SECONDS).getString("outcome")).isEqualTo("ANSWERED");
    }

    private static int post(String path, JsonObject body) throws Exception {
        return TelephonyTestBed.await(http.post(server.actualPort(), "127.0.0.1", path).sendJsonObject(body)).statusCode();
    }

    private static String agentState(String agentId) throws Exception {
        JsonObject dashboard = TelephonyTestBed.await(http.get(server.actualPort(), "127.0.0.1", "/api/telephony/dashboard").send())
                .bodyAsJsonObject();
        return dashboard.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .filter(a -> agentId.equals(a.getString("agentId"))).map(a -> a.getString("state")).findFirst().orElse("NONE");
    }
}
