package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Path parameters are checked against the OpenAPI document's schemas over real HTTP: a malformed
 * ticket id or number is a 400 in Chinese, a well-formed one that names nothing stays 404.
 */
@Timeout(60)
class PathParametersIT {

    private static ApiTestServer server;
    private static String dispatcher;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(14, config -> config);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertMalformed(HttpResponse<Buffer> response, String parameter) {
        AuthAndProblemsIT.assertProblem(response, 400, "request.invalid-path");
        assertThat(response.bodyAsJsonObject().getString("detail")).startsWith("路径参数 " + parameter + " 格式不正确");
    }

    @Test
    void malformedTicketIdsAreBadRequestsAndUnknownWellFormedOnesAreNotFound() {
        assertMalformed(server.get("/api/v1/tickets/abc%24def", dispatcher), "id");
        assertMalformed(server.get("/api/v1/tickets/" + "x".repeat(65) + "/events", dispatcher), "id");
        assertMalformed(server.post("/api/v1/tickets/%E5%B7%A5%E5%8D%95/urge", dispatcher, new JsonObject().put("level", "URGE")), "id");
        assertMalformed(server.post("/api/v1/tickets/a.b/sub-assign/withdraw", dispatcher, new JsonObject()), "id");
        assertThat(server.get("/api/v1/tickets/abc%24def", dispatcher).bodyAsJsonObject().getString("detail")).contains("字母、数字");

        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/no-such-ticket", dispatcher), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/abc%24def", null), 401, "auth.invalid-token");
    }

    @Test
    void theCitizensLookupAnswersEveryNumberItCannotFindAlikeMalformedOrNot() {
        // the public progress lookup is a stable interface: any number without a ticket is the same 404
        for (String number : List.of("12345_2026", "bad", "12345-20261122-999999")) {
            AuthAndProblemsIT.assertProblem(server.get("/api/v1/appeals/" + number + "?queryCode=123456", null),
                404, "appeal.not-found");
        }
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/appeals/not-a-number/rating", null,
            new JsonObject().put("queryCode", "123456").put("satisfaction", "SATISFIED")), 404, "appeal.not-found");
    }
}
