package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.hotline.core.http.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Web intake's two counters (address, phone), counted in one Redis call, against a real Redis. */
@Timeout(60)
class IntakeRateLimitIT {

    private ApiTestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(int perAddress, int perPhone) {
        server = new ApiTestServer(7, config -> new ApiConfig(config.auth(), config.bodyLimitBytes(), perAddress, perPhone,
            null, null, 5));
    }

    @Test
    void aPhoneOverItsLimitIsA429WithRetryAfterWhileAnotherPhoneIsStillAccepted() {
        start(100, 2);
        server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137001", "第一次"));
        server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137001", "第二次"));

        HttpResponse<Buffer> limited = server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137001", "第三次"));

        AuthAndProblemsIT.assertProblem(limited, 429, "request.rate-limited");
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 3600);
        assertThat(server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137002", "别的号码")).statusCode()).isEqualTo(201);
    }

    @Test
    void unreadableBodiesCountAgainstTheAddressLimit() {
        start(2, 100);
        JsonObject noPhone = TicketFlowsIT.appeal("13700137003", "缺电话");
        noPhone.remove("phone");
        assertThat(server.post("/api/v1/appeals", null, noPhone).statusCode()).isEqualTo(400);
        assertThat(server.post("/api/v1/appeals", null, noPhone).statusCode()).isEqualTo(400);

        HttpResponse<Buffer> limited = server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137003", "正常诉求"));

        AuthAndProblemsIT.assertProblem(limited, 429, "request.rate-limited");
        assertThat(limited.getHeader("Retry-After")).isNotNull();
    }

    @Test
    void anAddressOverItsLimitDoesNotSpendThePhonesQuota() {
        start(1, 2);
        server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137004", "第一次"));
        assertThat(server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137004", "被地址限流")).statusCode()).isEqualTo(429);

        String phoneCounter = server.redis.sync().keys(RateLimiter.KEY_PREFIX + "intake-phone:13700137004:*").get(0);

        assertThat(server.redis.sync().get(phoneCounter)).isEqualTo("1");
        assertThat(server.redis.sync().pttl(phoneCounter)).isPositive();
    }
}
