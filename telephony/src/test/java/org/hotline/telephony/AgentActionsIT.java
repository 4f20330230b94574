package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agent actions on answered calls through the real Asterisk: hold, attended transfer, hang-up, callback, SSE screen pop. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AgentActionsIT {

    private static TelephonyTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new TelephonyTestBed();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void anAgentPutsTheCitizenOnHoldAndHangsUp() throws Exception {
        String callId = answeredBy("l4001", "13900000011");
        CompletableFuture<JsonObject> record = recordOf("13900000011");

        TelephonyTestBed.await(bed.telephony.control().hold(callId, true));
        TelephonyTestBed.await(bed.telephony.control().hold(callId, false));
        TelephonyTestBed.await(bed.telephony.control().hangup(callId));

        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("agentId")).isEqualTo("l4001");
        assertThat(Long.parseLong(r.getString("talkSeconds"))).isLessThan(15);
        TelephonyTestBed.await(bed.telephony.control().logout("l4001"));
    }

    @Test
    void anAttendedTransferIsRecordedAsAttended() throws Exception {
        String callId = answeredBy("l4002", "13900000012");
        CompletableFuture<JsonObject> record = recordOf("13900000012");

        TelephonyTestBed.await(bed.telephony.control().transfer(callId, "110", true));

        assertThat(record.get(45, TimeUnit.SECONDS).getString("transfers")).isEqualTo("attended:110");
        TelephonyTestBed.await(bed.telephony.control().logout("l4002"));
    }

    @Test
    void aMissedCallIsCalledBackThroughAnAgentAndLeavesTheList() throws Exception {
        CompletableFuture<JsonObject> record = recordOf("110");
        // The "citizen" here is the simulated 110 line, so that the callback has someone to reach.
        bed.call("123453", "110", "hold", Map.of("HOTLINE_SIM_HOLD", "7"));
        String callId = record.get(45, TimeUnit.SECONDS).getString("callId");

        JsonObject entry = TelephonyTestBed.await(bed.telephony.store().callback(callId));
        TelephonyTestBed.await(bed.telephony.control().callAs("a4003", entry.getString("caller"),
                CallPurpose.callback(callId), Map.of("HOTLINE_CALLBACK_OF", callId)));
        TelephonyTestBed.await(bed.telephony.store().callbackDone(callId));

        assertThat(TelephonyTestBed.await(bed.telephony.store().callbacks(0, 200)).callbacks())
                .noneSatisfy(c -> assertThat(c.getString("callId")).isEqualTo(callId));
    }

    @Test
    void anAgentOnACallIsNotRungForACallBack() throws Exception {
        TelephonyTestBed.await(bed.telephony.control().login("l4005", List.of("dialect")));
        try {
            CompletableFuture<JsonObject> pop = bed.next("telephony.agent.l4005", m -> true);
            bed.call("123453", "13900000015", "hold", Map.of("HOTLINE_SIM_HOLD", "15"));
            pop.get(45, TimeUnit.SECONDS);
            awaitState("l4005", AgentBoard.State.BUSY);

            Throwable refused = TelephonyTestBed.await(bed.telephony.control().callAs("l4005", "110", "test", Map.of())
                    .<Throwable>map(v -> null).otherwise(f -> f));

            assertThat(refused).isInstanceOf(org.hotline.core.error.HotlineException.class).hasMessageContaining("正在通话中");
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout("l4005"));
        }
    }

    /** The board follows AMI events on the verticle's context: wait until it shows the state. */
    private void awaitState(String agentId, AgentBoard.State state) throws Exception {
        for (int i = 0; i < 100; i++) {
            boolean shown = bed.telephony.dashboard().getJsonArray("agents").stream().map(JsonObject.class::cast)
                    .anyMatch(a -> agentId.equals(a.getString("agentId")) && state.name().equals(a.getString("state")));
            if (shown) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(agentId + " never shown " + state + ": " + bed.telephony.dashboard().encode());
    }

    @Test
    void theAgentsBrowserReceivesTheScreenPopOverServerSentEvents() throws Exception {
        Router router = TelephonyRoutes.mount(Router.router(bed.vertx), bed.telephony);
        HttpServer server = TelephonyTestBed.await(bed.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        CompletableFuture<String> popEvent = new CompletableFuture<>();
        StringBuilder stream = new StringBuilder();
        HttpClient client = bed.vertx.createHttpClient();
        HttpClientResponse response = TelephonyTestBed.await(client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1",
                "/api/telephony/agents/a4004/events").compose(HttpClientRequest::send));
        response.handler(chunk -> {
            stream.append(chunk.toString());
            if (stream.indexOf("event: screen-pop") >= 0 && stream.indexOf("\n\n", stream.indexOf("event: screen-pop")) > 0) {
                popEvent.complete(stream.toString());
            }
        });

        answeredBy("a4004", "13900000014");

        String text = popEvent.get(45, TimeUnit.SECONDS);
        assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
        assertThat(text).contains("\"caller\":\"13900000014\"").contains("\"queue\":\"enterprise\"");
        TelephonyTestBed.await(bed.telephony.control().logout("a4004"));
        TelephonyTestBed.await(client.close());
        TelephonyTestBed.await(server.close());
    }

    @Test
    void aBodyWithAFieldTheRouteDoesNotTakeOrOfTheWrongTypeIsA400AndNothingIsDone() throws Exception {
        Router router = TelephonyRoutes.mount(Router.router(bed.vertx), bed.telephony);
        router.route().failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            String code = failure instanceof org.hotline.core.error.HotlineException e ? e.code() : String.valueOf(failure);
            ctx.response().setStatusCode(failure instanceof org.hotline.core.error.HotlineException e
                    ? org.hotline.core.api.Problems.httpStatus(e) : 500).end(code);
        });
        HttpServer server = TelephonyTestBed.await(bed.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        HttpClient client = bed.vertx.createHttpClient();
        try {
            assertThat(post(client, server, "/api/telephony/calls/c-1/transfer", "{\"target\":\"110\",\"atended\":true}"))
                    .isEqualTo("400 request.unknown-field");
            assertThat(post(client, server, "/api/telephony/calls/c-1/transfer", "{\"target\":110}"))
                    .isEqualTo("400 telephony.bad-field");
            assertThat(post(client, server, "/api/telephony/calls/c-1/hold", "{\"on\":true,\"music\":\"x\"}"))
                    .isEqualTo("400 request.unknown-field");
            assertThat(post(client, server, "/api/telephony/agents/a4009/pause", "{\"reason\":[]}"))
                    .isEqualTo("400 telephony.bad-field");
            assertThat(post(client, server, "/api/telephony/return-visits", "{\"agentId\":\"a4009\",\"phone\":\"110\",\"x\":1}"))
                    .isEqualTo("400 request.unknown-field");
        } finally {
            TelephonyTestBed.await(client.close());
            TelephonyTestBed.await(server.close());
        }
    }

    private static String post(HttpClient client, HttpServer server, String path, String json) throws Exception {
        // the body is asked for in the same chain, before any of it can arrive unread
        return TelephonyTestBed.await(client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", path)
                .compose(request -> request.putHeader("Content-Type", "application/json").send(json))
                .compose(response -> response.body().map(body -> response.statusCode() + " " + body)));
    }

    private static String answeredBy(String agentId, String caller) throws Exception {
        TelephonyTestBed.await(bed.telephony.control().login(agentId, List.of("enterprise")));
        CompletableFuture<JsonObject> pop = bed.next("telephony.agent." + agentId, m -> caller.equals(m.getString("caller")));
        bed.call("123452", caller, "hold", Map.of());
        return pop.get(45, TimeUnit.SECONDS).getString("callId");
    }

    private static CompletableFuture<JsonObject> recordOf(String caller) {
        return bed.next(TelephonyVerticle.RECORDED_ADDRESS, m -> caller.equals(m.getString("caller")));
    }
}
