package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.TrustedProxies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behind a trusted gateway (the test client's 127.0.0.1) the per-address limits count the address the
 * gateway forwarded, so one city behind one gateway does not share one counter; the same header from
 * an untrusted peer is ignored.
 */
@Timeout(60)
class TrustedProxiesIT {

    private static ApiTestServer behindGateway;
    private static ApiTestServer direct;

    @BeforeAll
    static void start() {
        behindGateway = new ApiTestServer(10, config -> config.withIntakeLimits(2, 100)
            .withTrustedProxies(TrustedProxies.of(List.of("127.0.0.0/8"))));
        direct = new ApiTestServer(10, config -> config.withIntakeLimits(2, 100)
            .withTrustedProxies(TrustedProxies.of(List.of("192.0.2.0/24"))), false);
    }

    @AfterAll
    static void stop() {
        direct.close();
        behindGateway.close();
    }

    @Test
    void behindATrustedGatewayEachForwardedClientHasItsOwnIntakeLimit() {
        for (int i = 0; i < 2; i++) {
            assertThat(submit(behindGateway, "203.0.113.5", "1380013800" + i).statusCode()).isEqualTo(201);
        }

        AuthAndProblemsIT.assertProblem(submit(behindGateway, "203.0.113.5", "13800138009"), 429, "request.rate-limited");
        assertThat(submit(behindGateway, "203.0.113.6", "13800138010").statusCode()).isEqualTo(201);
    }

    @Test
    void aForwardedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(submit(direct, "198.51.100.1", "13900139001").statusCode()).isEqualTo(201);
        assertThat(submit(direct, "198.51.100.2", "13900139002").statusCode()).isEqualTo(201);

        AuthAndProblemsIT.assertProblem(submit(direct, "198.51.100.3", "13900139003"), 429, "request.rate-limited");
    }

    @Test
    void theAuditOfASignInNamesTheForwardedClientAddress() {
        HttpResponse<Buffer> response = ApiTestServer.await(behindGateway.client.post("/api/v1/auth/token")
            .putHeader("X-Forwarded-For", "203.0.113.77, 127.0.0.1")
            .sendJsonObject(new JsonObject().put("username", "agent1").put("password", ApiTestServer.DEMO_PASSWORD)));
        assertThat(response.statusCode()).isEqualTo(200);

        List<StreamMessage<String, String>> entries = behindGateway.redis.sync().xrange(AuditLog.STREAM, Range.create("-", "+"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.getBody())
            .containsEntry("action", "auth.login").containsEntry("actor", "agent1").containsEntry("detail", "address=203.0.113.77"));
    }

    private static HttpResponse<Buffer> submit(ApiTestServer server, String forwardedFor, String phone) {
        return ApiTestServer.await(server.client.post("/api/v1/appeals")
            .putHeader("X-Forwarded-For", forwardedFor)
            .sendJsonObject(TicketFlowsIT.appeal(phone, "网关后的诉求" + phone)));
    }
}
