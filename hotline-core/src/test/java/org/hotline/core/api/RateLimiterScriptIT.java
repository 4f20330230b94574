package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The intake counters run as a script Redis keeps by its SHA1 (EVALSHA), against a real Redis. */
@Timeout(60)
class RateLimiterScriptIT {

    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = new ApiTestServer(12, config -> new ApiConfig(config.auth(), config.bodyLimitBytes(), 2, 100, null, null, 5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countersKeepCountingAfterRedisForgotTheScript() {
        assertThat(server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13800138001", "脚本缓存一")).statusCode()).isEqualTo(201);
        // a Redis restart or SCRIPT FLUSH empties the script cache: the limiter loads the script again
        server.redis.sync().scriptFlush();

        assertThat(server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13800138002", "脚本缓存二")).statusCode()).isEqualTo(201);
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13800138003", "脚本缓存三")),
            429, "request.rate-limited");
    }
}
