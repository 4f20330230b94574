package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.StreamMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.hotline.core.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RateLimitAndAuditIT {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(2, config -> new ApiConfig(config.auth(), config.bodyLimitBytes(), 3, 2,
            null, null, 5));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void floodingTheTokenRouteFromOneAddressIsA429WithRetryAfter() {
        JsonObject wrong = new JsonObject().put("username", "nobody").put("password", "wrong-password");
        for (int i = 0; i < 5; i++) {
            assertThat(server.post("/api/v1/auth/token", null, wrong).statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> limited = server.post("/api/v1/auth/token", null, wrong);

        AuthAndProblemsIT.assertProblem(limited, 429, "request.rate-limited");
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void floodingTheWebIntakeFromOneAddressIsA429() {
        for (int i = 0; i < 3; i++) {
            server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("1360013600" + i, "洪泛" + i));
        }

        HttpResponse<Buffer> limited = server.post("/api/v1/appeals", null, TicketFlowsIT.appeal("13600136009", "洪泛"));

        AuthAndProblemsIT.assertProblem(limited, 429, "request.rate-limited");
    }

    @Test
    void loginsAndAccountChangesAreAppendedToTheAuditStream() {
        long before = server.redis.sync().xlen(AuditLog.STREAM);
        String admin = loginAdminOnce();
        server.post("/api/v1/admin/users", admin, new JsonObject().put("username", "auditee").put("password", "auditee-pass")
            .put("role", "AGENT"));

        List<StreamMessage<String, String>> entries = server.redis.sync().xrange(AuditLog.STREAM, io.lettuce.core.Range.create("-", "+"));
        assertThat(entries.size()).isGreaterThan((int) before);
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.getBody()).containsEntry("action", "user.create").containsEntry("actor", "admin")
                .containsEntry("resourceId", "auditee");
            assertThat(entry.getBody().values()).noneMatch(value -> value.contains("auditee-pass"));
        });
    }

    private static String loginAdminOnce() {
        // the login limit of this server is 5 per minute; the flooding test may have used them from this address
        var actor = new org.hotline.core.model.Actor("admin", org.hotline.core.model.Role.ADMIN, null, "系统管理员");
        return server.api.tokens().issue(actor);
    }
}
