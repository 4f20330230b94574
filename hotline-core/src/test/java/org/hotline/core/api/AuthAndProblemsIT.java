package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AuthAndProblemsIT {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(1, config -> config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bootstrapAdministratorGetsATokenWithRoleClaims() {
        String token = server.login("admin", ApiTestServer.ADMIN_PASSWORD);

        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        assertThat(claims.getString("sub")).isEqualTo("admin");
        assertThat(claims.getString("role")).isEqualTo("ADMIN");
        assertThat(claims.getLong("exp")).isGreaterThan(claims.getLong("iat"));
        JsonObject me = server.get("/api/v1/auth/me", token).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("ADMIN");
    }

    @Test
    void wrongPasswordIsA401Problem() {
        HttpResponse<Buffer> response = server.post("/api/v1/auth/token", null,
            new JsonObject().put("username", "admin").put("password", "not-the-password"));

        assertProblem(response, 401, "auth.bad-credentials");
    }

    @Test
    void missingTamperedAndForeignTokensAreRefused() {
        String token = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        String[] parts = token.split("\\.");
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
            new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]))).put("role", "ADMIN").encode().getBytes());
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
            + "." + elevated + ".";

        assertProblem(server.get("/api/v1/auth/me", null), 401, "auth.invalid-token");
        assertProblem(server.get("/api/v1/auth/me", parts[0] + "." + elevated + "." + parts[2]), 401, "auth.invalid-token");
        assertProblem(server.get("/api/v1/auth/me", unsigned), 401, "auth.invalid-token");
        assertProblem(server.get("/api/v1/auth/me", "garbage"), 401, "auth.invalid-token");
    }

    @Test
    void expiredTokenIsRefused() {
        JWTAuth sameKey = JWTAuth.create(server.vertx, new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(ApiTestServer.SECRET)));
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = new JsonObject().put("sub", "agent1").put("role", "AGENT").put("name", "坐席一").put("iss", "hotline-12345");
        JWTOptions options = new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true);
        String expired = sameKey.generateToken(claims.copy().put("exp", now - 3600), options);
        String current = sameKey.generateToken(claims.copy().put("exp", now + 3600), options);

        assertProblem(server.get("/api/v1/auth/me", expired), 401, "auth.invalid-token");
        assertThat(server.get("/api/v1/auth/me", current).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsCreateUsersAndCreatedUsersCanLogIn() {
        String admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        String agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        JsonObject user = new JsonObject().put("username", "street7").put("password", "street-password")
            .put("role", "DEPARTMENT").put("departmentId", "s.xihu.3").put("displayName", "七里街道");

        assertProblem(server.post("/api/v1/admin/users", agent, user), 403, "auth.role-not-allowed");
        HttpResponse<Buffer> created = server.post("/api/v1/admin/users", admin, user);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getString("departmentId")).isEqualTo("s.xihu.3");
        assertProblem(server.post("/api/v1/admin/users", admin, user), 409, "user.exists");

        String street = server.login("street7", "street-password");
        assertThat(server.get("/api/v1/auth/me", street).bodyAsJsonObject().getString("role")).isEqualTo("DEPARTMENT");
        assertThat(server.get("/api/v1/admin/users", admin).bodyAsJsonObject().getJsonArray("items").encode())
            .contains("street7").doesNotContain("passwordHash");
    }

    @Test
    void malformedJsonWrongTypesUnknownFieldsAndBadUtf8AreChinese400s() {
        assertProblem(server.send(HttpMethod.POST, "/api/v1/auth/token", null, Buffer.buffer("{\"username\":")), 400, "request.malformed-json");
        assertProblem(server.send(HttpMethod.POST, "/api/v1/auth/token", null, Buffer.buffer("{\"username\":12,\"password\":\"x\"}")),
            400, "request.wrong-type");
        assertProblem(server.send(HttpMethod.POST, "/api/v1/auth/token", null,
            Buffer.buffer("{\"username\":\"a\",\"password\":\"x\",\"admin\":true}")), 400, "request.unknown-field");
        Buffer badUtf8 = Buffer.buffer("{\"username\":\"").appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28}).appendString("\",\"password\":\"x\"}");
        HttpResponse<Buffer> response = server.send(HttpMethod.POST, "/api/v1/auth/token", null, badUtf8);
        assertProblem(response, 400, "request.invalid-utf8");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("UTF-8");
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String huge = "x".repeat((int) ApiConfig.DEFAULT_BODY_LIMIT + 10);
        HttpResponse<Buffer> response = server.post("/api/v1/auth/token", null,
            new JsonObject().put("username", "admin").put("password", huge));

        assertProblem(response, 413, "request.too-large");
    }

    @Test
    void unknownPathAndWrongMethodAreProblemsToo() {
        String token = server.login("agent1", ApiTestServer.DEMO_PASSWORD);

        assertProblem(server.get("/api/v1/no-such-thing", token), 404, "request.not-found");
        assertProblem(server.send(HttpMethod.DELETE, "/api/v1/auth/me", token, null), 405, "request.method-not-allowed");
    }

    @Test
    void administratorsAddAHolidayYearAndStaffReadReferenceData() throws Exception {
        String admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        String agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        byte[] year2027 = ApiTestServer.class.getResourceAsStream("/org/hotline/core/seed/holidays/2027.json").readAllBytes();

        assertProblem(server.send(HttpMethod.POST, "/api/v1/admin/calendar", agent, Buffer.buffer(year2027)), 403, "auth.role-not-allowed");
        // the document's schema refuses the shape; the calendar's own parser refuses a date that does not exist
        assertProblem(server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin, Buffer.buffer("{\"year\":2027,\"days\":5}")),
            400, "request.wrong-type");
        assertProblem(server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin,
            Buffer.buffer("{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-13-45\",\"isOffDay\":true}]}")),
            400, "calendar.invalid-file");
        // the bundled 2027 file has no days yet: uploading it would make 2027 look known, so it is refused
        assertProblem(server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin, Buffer.buffer(year2027)), 400, "calendar.invalid-file");
        byte[] year2026 = ApiTestServer.class.getResourceAsStream("/org/hotline/core/seed/holidays/2026.json").readAllBytes();
        HttpResponse<Buffer> added = server.send(HttpMethod.POST, "/api/v1/admin/calendar", admin, Buffer.buffer(year2026));
        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(200);
        assertThat(server.get("/api/v1/departments", agent).bodyAsJsonObject().getJsonArray("items").encode()).contains("d.dongcheng");
        assertThat(server.get("/api/v1/catalog", agent).bodyAsJsonObject().getJsonArray("items").encode()).contains("010101");
    }

    @Test
    void openApiDocumentIsServedWithoutToken() {
        HttpResponse<Buffer> response = server.get("/api/v1/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("openapi")).startsWith("3.");
    }

    static void assertProblem(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.encode()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
