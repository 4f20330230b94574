package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests are checked against the served OpenAPI document: 400 in Chinese naming the field. */
@Timeout(120)
class RequestValidationIT {

    private static ApiTestServer server;
    private static String dispatcher;
    private static String urban;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(9, config -> config);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        urban = server.login("urban1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject appeal() {
        return new JsonObject().put("title", "噪音扰民").put("content", "夜间施工噪音。").put("appealType", "COMPLAINT")
            .put("phone", "13600136001").put("name", "王五").put("district", "东城区").put("address", "解放路1号");
    }

    private static String detail(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("detail");
    }

    @Test
    void aBodyViolatingTheDocumentedSchemaIsRefusedWithTheFieldNamed() {
        HttpResponse<Buffer> tooLong = server.post("/api/v1/appeals", null, appeal().put("address", "长".repeat(201)));
        HttpResponse<Buffer> missing = server.post("/api/v1/appeals", null, appeal().copy().put("content", (String) null));
        JsonObject withoutContent = appeal();
        withoutContent.remove("content");
        HttpResponse<Buffer> absent = server.post("/api/v1/appeals", null, withoutContent);

        AuthAndProblemsIT.assertProblem(tooLong, 400, "request.invalid-field");
        assertThat(detail(tooLong)).contains("address").contains("超过最大长度").contains("200");
        AuthAndProblemsIT.assertProblem(missing, 400, "request.missing-field");
        assertThat(detail(missing)).contains("content");
        AuthAndProblemsIT.assertProblem(absent, 400, "request.missing-field");
        assertThat(detail(absent)).contains("content");
    }

    @Test
    void aLimitOnlyTheDocumentStatesIsEnforcedForStaffCommands() {
        JsonArray tooMany = new JsonArray();
        IntStream.range(0, 21).forEach(i -> tooMany.add("urban"));

        HttpResponse<Buffer> response = server.post("/api/v1/tickets/any-id/assign", dispatcher,
            new JsonObject().put("lead", "housing").put("assisting", tooMany));

        AuthAndProblemsIT.assertProblem(response, 400, "request.invalid-field");
        assertThat(detail(response)).contains("assisting");
    }

    @Test
    void queryParametersAreCheckedAgainstTheirDocumentedSchemas() {
        HttpResponse<Buffer> notANumber = server.get("/api/v1/inbox?size=many", urban);
        HttpResponse<Buffer> tooLarge = server.get("/api/v1/inbox?size=500", urban);
        HttpResponse<Buffer> badStatus = server.get("/api/v1/inbox?status=LOST", urban);

        AuthAndProblemsIT.assertProblem(notANumber, 400, "request.invalid-parameter");
        assertThat(detail(notANumber)).contains("参数 size").contains("整数");
        AuthAndProblemsIT.assertProblem(tooLarge, 400, "request.invalid-parameter");
        assertThat(detail(tooLarge)).contains("参数 size");
        AuthAndProblemsIT.assertProblem(badStatus, 400, "request.invalid-parameter");
        assertThat(server.get("/api/v1/inbox?status=&size=5", urban).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheAnswerIs401WhateverTheBody() {
        HttpResponse<Buffer> response = server.post("/api/v1/tickets/any-id/assign", null, new JsonObject().put("lead", 5));

        AuthAndProblemsIT.assertProblem(response, 401, "auth.invalid-token");
    }

    @Test
    void aValidRequestPassesTheCheckUnchangedAndANullOptionalFieldCountsAsAbsent() {
        HttpResponse<Buffer> response = server.post("/api/v1/appeals", null, appeal().put("idempotencyKey", (String) null));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    }
}
