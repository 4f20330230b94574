package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.linkage110.LinkageHarness.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console/admin HTTP API over a real Redis; telephony is represented by its event-bus addresses. */
class Linkage110RoutesIT {

    private LinkageHarness ours;
    private WebClient http;
    private final List<JsonObject> telephonyRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        // nothing listens on the discard port: the outbox keeps retrying, which these tests ignore
        ours = new LinkageHarness(LinkageHarness.config(URI.create("http://127.0.0.1:9/")));
        http = WebClient.create(ours.vertx);
        ours.vertx.eventBus().<JsonObject>consumer("telephony.call.transfer", m -> {
            telephonyRequests.add(m.body().copy().put("address", m.address()));
            m.reply(new JsonObject().put("ok", true));
        });
        ours.vertx.eventBus().<JsonObject>consumer("telephony.call.conference", m -> {
            telephonyRequests.add(m.body().copy().put("address", m.address()));
            m.reply(new JsonObject().put("ok", true));
        });
    }

    @AfterEach
    void stop() throws Exception {
        ours.close();
    }

    @Test
    void checkFlagsAnEmergencyWithItsListItemVersionAndAdvice() throws Exception {
        JsonObject verdict = post("/api/v1/linkage/110/check",
                new JsonObject().put("title", "有人持刀伤人").put("content", "就在小区门口")).bodyAsJsonObject();

        assertThat(verdict.getBoolean("police")).isTrue();
        assertThat(verdict.getJsonObject("item").getString("code")).isEqualTo("T110-02");
        assertThat(verdict.getInteger("version")).isEqualTo(1);
        assertThat(verdict.getString("advice")).contains("如有生命危险请立即拨打110");
    }

    @Test
    void checkLeavesAnOrdinaryAppealWith12345() throws Exception {
        JsonObject verdict = post("/api/v1/linkage/110/check",
                new JsonObject().put("title", "小区路灯不亮").put("content", "晚上很黑")).bodyAsJsonObject();

        assertThat(verdict.getBoolean("police")).isFalse();
        assertThat(verdict.getValue("item")).isNull();
    }

    @Test
    void publishedVersionAppliesFromItsEffectiveDateWithoutRestart() throws Exception {
        JsonObject future = list(2, Instant.now().plus(1, ChronoUnit.DAYS), "T110-99", "高空抛物");
        JsonObject now = list(3, Instant.now().minusSeconds(1), "T110-77", "高空抛物");

        assertThat(post("/api/v1/linkage/110/lists/to-110", future).statusCode()).isEqualTo(201);
        assertThat(currentVersion()).isEqualTo(1);
        assertThat(post("/api/v1/linkage/110/lists/to-110", now).statusCode()).isEqualTo(201);
        assertThat(currentVersion()).isEqualTo(3);
        JsonObject verdict = post("/api/v1/linkage/110/check", new JsonObject().put("title", "楼上高空抛物砸到人"))
                .bodyAsJsonObject();
        assertThat(verdict.getJsonObject("item").getString("code")).isEqualTo("T110-77");
        assertThat(verdict.getInteger("version")).isEqualTo(3);
        assertThat(post("/api/v1/linkage/110/lists/to-110", now).statusCode()).isEqualTo(409);
    }

    @Test
    void transferRecordsTheListItemAndVersionAndIsVisibleWithItsStatus() throws Exception {
        HttpResponse<Buffer> created = post("/api/v1/linkage/110/transfers", new JsonObject().put("ticketId", "t-1")
                .put("title", "刚被人抢了包").put("content", "抢劫者往东跑了"));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        JsonObject shown = await(http.getAbs(ours.url() + "/api/v1/linkage/110/transfers/" + id).send()).bodyAsJsonObject();
        assertThat(shown.getString("listCode")).isEqualTo("T110-01");
        assertThat(shown.getInteger("listVersion")).isEqualTo(1);
        assertThat(shown.getString("status")).isEqualTo("QUEUED");
        assertThat(await(http.getAbs(ours.url() + "/api/v1/linkage/110/stats").send()).bodyAsJsonObject()
                .getJsonObject("to110").getLong("created")).isEqualTo(1);
    }

    @Test
    void transferOfANonPoliceMatterIsRefusedAsAProblem() throws Exception {
        HttpResponse<Buffer> refused = post("/api/v1/linkage/110/transfers",
                new JsonObject().put("ticketId", "t-2").put("title", "小区路灯不亮"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("linkage110.not-police");
    }

    @Test
    void retryingAParkedMessageByAMalformedIdIsABadRequestAndAnUnknownOneNotFound() throws Exception {
        HttpResponse<Buffer> malformed = post("/api/v1/linkage/110/outbox/parked/not-an-id/retry", new JsonObject());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.bodyAsJsonObject().getString("code")).isEqualTo("linkage110.bad-parked-id");
        assertThat(post("/api/v1/linkage/110/outbox/parked/1-0/retry", new JsonObject()).statusCode()).isEqualTo(404);
    }

    @Test
    void threeWayCallWithoutAgreementIsKeptByTheFirstReceiver() throws Exception {
        assertThat(post("/api/v1/linkage/110/calls/call-7/conference", new JsonObject().put("agentId", "a1"))
                .statusCode()).isEqualTo(200);

        JsonObject outcome = post("/api/v1/linkage/110/calls/call-7/outcome", new JsonObject()).bodyAsJsonObject();

        assertThat(telephonyRequests).singleElement().satisfies(r -> {
            assertThat(r.getString("address")).isEqualTo("telephony.call.conference");
            assertThat(r.getString("callId")).isEqualTo("call-7");
            assertThat(r.getString("target")).isEqualTo("Local/110@linkage-110");
        });
        assertThat(outcome.getString("keptBy")).isEqualTo("12345");
        assertThat(outcome.getString("agreed")).isEqualTo("false");
        assertThat(post("/api/v1/linkage/110/calls/call-7/outcome", new JsonObject().put("acceptedBy", "110"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void oneClickTransferHandsTheCallerTo110() throws Exception {
        JsonObject call = post("/api/v1/linkage/110/calls/call-8/transfer", new JsonObject()).bodyAsJsonObject();

        assertThat(telephonyRequests).singleElement()
                .satisfies(r -> assertThat(r.getString("address")).isEqualTo("telephony.call.transfer"));
        assertThat(call.getString("keptBy")).isEqualTo("110");
        JsonObject calls = await(http.getAbs(ours.url() + "/api/v1/linkage/110/stats").send()).bodyAsJsonObject()
                .getJsonObject("calls");
        assertThat(calls.getLong("transfers")).isEqualTo(1);
        assertThat(calls.getLong("keptBy110")).isEqualTo(1);
    }

    private int currentVersion() throws Exception {
        return await(http.getAbs(ours.url() + "/api/v1/linkage/110/lists/to-110").send()).bodyAsJsonObject()
                .getJsonObject("current").getInteger("version");
    }

    private static JsonObject list(int version, Instant effectiveFrom, String code, String keyword) {
        return new JsonObject().put("version", version).put("effectiveFrom", effectiveFrom.toString())
                .put("items", new JsonArray().add(new JsonObject().put("code", code).put("description", "高空抛物")
                        .put("examples", new JsonArray().add("楼上扔花盆")).put("keywords", new JsonArray().add(keyword))
                        .put("urgency", "EMERGENCY")));
    }

    private HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        return await(http.postAbs(ours.url() + path).sendJsonObject(body));
    }
}
