package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Logout, a new password and a disabled account revoke tokens at once on every node: two API servers
 * over one real Redis, the token revoked through one and refused by the other.
 */
@Timeout(60)
class TokenRevocationIT {

    private static ApiTestServer node1;
    private static ApiTestServer node2;

    @BeforeAll
    static void start() {
        node1 = new ApiTestServer(13, TokenRevocationIT::tune);
        node2 = new ApiTestServer(13, TokenRevocationIT::tune, false);
    }

    // many sign-ins from one test address: the per-address limit is not what is tested here
    static ApiConfig tune(ApiConfig config) {
        return new ApiConfig(config.auth(), config.bodyLimitBytes(), config.intakePerAddress(), config.intakePerPhone(), null, null, 1_000)
            .withAttemptLimits(new org.hotline.core.http.AttemptLimits(3, Duration.ofHours(1), 3, Duration.ofMinutes(15)));
    }

    @AfterAll
    static void stop() {
        node2.close();
        node1.close();
    }

    @Test
    void aLoggedOutTokenIsRefusedByEveryNodeWhileTheAccountsOtherTokensStayValid() {
        createAgent("leaver1");
        String first = node1.login("leaver1", "leaver-pass-1");
        String second = node2.login("leaver1", "leaver-pass-1");

        assertThat(node1.post("/api/v1/auth/logout", first, new JsonObject()).statusCode()).isEqualTo(204);

        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", first), 401, "auth.token-revoked");
        AuthAndProblemsIT.assertProblem(node1.get("/api/v1/auth/me", first), 401, "auth.token-revoked");
        assertThat(node2.get("/api/v1/auth/me", second).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordRevokesEveryTokenOfTheAccountAndOnlyTheNewPasswordSignsIn() {
        createAgent("changer1");
        String token = node1.login("changer1", "leaver-pass-1");
        String other = node2.login("changer1", "leaver-pass-1");

        HttpResponse<Buffer> changed = node1.post("/api/v1/auth/password", token,
            new JsonObject().put("currentPassword", "leaver-pass-1").put("newPassword", "changed-pass-2"));

        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(204);
        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", other), 401, "auth.token-revoked");
        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", token), 401, "auth.token-revoked");
        AuthAndProblemsIT.assertProblem(signIn("changer1", "leaver-pass-1"), 401, "auth.bad-credentials");
        assertThat(node2.get("/api/v1/auth/me", node2.login("changer1", "changed-pass-2")).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeWithAWrongCurrentPasswordIsRefusedAndRevokesNothing() {
        createAgent("changer2");
        String token = node1.login("changer2", "leaver-pass-1");

        HttpResponse<Buffer> refused = node1.post("/api/v1/auth/password", token,
            new JsonObject().put("currentPassword", "not-my-password").put("newPassword", "changed-pass-2"));

        AuthAndProblemsIT.assertProblem(refused, 401, "auth.bad-credentials");
        assertThat(node2.get("/api/v1/auth/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountsTokensAreRefusedAtOnceAndItCannotSignInUntilEnabled() {
        createAgent("disabled1");
        String token = node1.login("disabled1", "leaver-pass-1");

        HttpResponse<Buffer> disabled = node1.post("/api/v1/admin/users/disabled1/disable", admin(), new JsonObject());

        assertThat(disabled.statusCode()).as(disabled.bodyAsString()).isEqualTo(200);
        assertThat(disabled.bodyAsJsonObject().getBoolean("disabled")).isTrue();
        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", token), 401, "auth.token-revoked");
        AuthAndProblemsIT.assertProblem(signIn("disabled1", "leaver-pass-1"), 403, "auth.account-disabled");

        assertThat(node2.post("/api/v1/admin/users/disabled1/enable", admin(), new JsonObject()).statusCode()).isEqualTo(200);
        assertThat(node1.get("/api/v1/auth/me", node1.login("disabled1", "leaver-pass-1")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorEditsNameRoleAndUnitAndANewRoleRevokesTheTokensSoTheUserSignsInWithTheNewRights() {
        createAgent("mover1");
        String token = node1.login("mover1", "leaver-pass-1");

        HttpResponse<Buffer> renamed = patch("/api/v1/admin/users/mover1", new JsonObject().put("displayName", "王小明"));
        assertThat(renamed.statusCode()).as(renamed.bodyAsString()).isEqualTo(200);
        assertThat(renamed.bodyAsJsonObject().getString("displayName")).isEqualTo("王小明");
        assertThat(node2.get("/api/v1/auth/me", token).statusCode()).as("a new name keeps the rights").isEqualTo(200);

        HttpResponse<Buffer> moved = patch("/api/v1/admin/users/mover1", new JsonObject().put("role", "DEPARTMENT").put("departmentId", "urban"));
        assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
        assertThat(moved.bodyAsJsonObject().getString("role")).isEqualTo("DEPARTMENT");
        assertThat(moved.bodyAsJsonObject().getString("departmentId")).isEqualTo("urban");
        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", token), 401, "auth.token-revoked");
        var me = node2.get("/api/v1/auth/me", node2.login("mover1", "leaver-pass-1")).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("DEPARTMENT");
        assertThat(me.getString("displayName")).isEqualTo("王小明");
    }

    @Test
    void anAdministratorResetsAPasswordOnlyTheNewOneSignsInAndTheOldTokensAreRefused() {
        createAgent("forgot1");
        String token = node1.login("forgot1", "leaver-pass-1");

        assertThat(patch("/api/v1/admin/users/forgot1", new JsonObject().put("password", "reset-pass-22")).statusCode()).isEqualTo(200);

        AuthAndProblemsIT.assertProblem(node2.get("/api/v1/auth/me", token), 401, "auth.token-revoked");
        AuthAndProblemsIT.assertProblem(signIn("forgot1", "leaver-pass-1"), 401, "auth.bad-credentials");
        assertThat(node2.get("/api/v1/auth/me", node2.login("forgot1", "reset-pass-22")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBadUserEditIsAChinese4xxAndChangesNothing() {
        createAgent("keeper1");
        AuthAndProblemsIT.assertProblem(patch("/api/v1/admin/users/keeper1", new JsonObject().put("role", "DEPARTMENT")),
            400, "user.department-required");
        // the request schema (OpenAPI EditUser) already refuses a short password and a role staff cannot have
        AuthAndProblemsIT.assertProblem(patch("/api/v1/admin/users/keeper1", new JsonObject().put("password", "short")), 400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(patch("/api/v1/admin/users/keeper1", new JsonObject().put("role", "SYSTEM")), 400, "request.wrong-type");
        AuthAndProblemsIT.assertProblem(patch("/api/v1/admin/users/nobody-here", new JsonObject().put("displayName", "某人")), 404, "user.not-found");
        AuthAndProblemsIT.assertProblem(patch("/api/v1/admin/users/admin", new JsonObject().put("role", "AGENT")), 422, "user.demote-self");
        for (JsonObject bad : List.of(new JsonObject().put("role", "DEPARTMENT"), new JsonObject().put("password", "short"))) {
            assertThat(new JsonObject(patch("/api/v1/admin/users/keeper1", bad).body()).getString("detail")).as("a Chinese reason")
                .matches("(?s).*[\\u4e00-\\u9fa5].*");
        }
        assertThat(node1.get("/api/v1/auth/me", node1.login("keeper1", "leaver-pass-1")).bodyAsJsonObject().getString("role")).isEqualTo("AGENT");
    }

    @Test
    void anAdministratorCannotDisableTheOwnAccount() {
        AuthAndProblemsIT.assertProblem(node1.post("/api/v1/admin/users/admin/disable", admin(), new JsonObject()), 422, "user.disable-self");
    }

    @Test
    void disablingAnUnknownAccountIsA404() {
        AuthAndProblemsIT.assertProblem(node1.post("/api/v1/admin/users/nobody-here/disable", admin(), new JsonObject()), 404, "user.not-found");
    }

    @Test
    void wrongPasswordsLockTheAccountOnEveryNodeUntilAnAdministratorUnlocksIt() {
        createAgent("guessed1");
        for (int i = 0; i < 3; i++) {
            AuthAndProblemsIT.assertProblem((i % 2 == 0 ? node1 : node2).post("/api/v1/auth/token", null,
                new JsonObject().put("username", "guessed1").put("password", "guess-" + i)), 401, "auth.bad-credentials");
        }

        HttpResponse<Buffer> locked = signIn("guessed1", "leaver-pass-1");

        AuthAndProblemsIT.assertProblem(locked, 429, "auth.account-locked");
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(locked.bodyAsJsonObject().getString("detail")).contains("锁定");
        assertThat(node2.post("/api/v1/admin/users/guessed1/unlock", admin(), new JsonObject()).statusCode()).isEqualTo(204);
        assertThat(signIn("guessed1", "leaver-pass-1").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInForgetsEarlierWrongPasswords() {
        createAgent("forgiven1");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                assertThat(signIn("forgiven1", "wrong-pass-" + i).statusCode()).isEqualTo(401);
            }
            assertThat(signIn("forgiven1", "leaver-pass-1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongQueryCodesLockTheTicketsLookupsFromEveryAddressWhileOtherTicketsAnswer() {
        JsonObject receipt = node1.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137001", "查询码锁定"));
        JsonObject other = node1.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13700137002", "另一张工单"));
        String number = receipt.getString("ticketNumber");
        for (int i = 0; i < 3; i++) {
            AuthAndProblemsIT.assertProblem((i % 2 == 0 ? node1 : node2).get("/api/v1/appeals/" + number + "?queryCode=00000" + i, null),
                404, "appeal.not-found");
        }

        HttpResponse<Buffer> locked = node2.get("/api/v1/appeals/" + number + "?queryCode=" + receipt.getString("queryCode"), null);

        AuthAndProblemsIT.assertProblem(locked, 429, "appeal.query-code-locked");
        assertThat(locked.getHeader("Retry-After")).isNotBlank();
        AuthAndProblemsIT.assertProblem(node1.post("/api/v1/appeals/" + number + "/rating", null,
            new JsonObject().put("queryCode", receipt.getString("queryCode")).put("satisfaction", "SATISFIED")), 429, "appeal.query-code-locked");
        assertThat(node1.get("/api/v1/appeals/" + other.getString("ticketNumber") + "?queryCode=" + other.getString("queryCode"), null)
            .statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInRequestWithABodyIsAnsweredOverHttp2Too() throws Exception {
        // java.net.http upgrades to HTTP/2 (h2c); the token check must not trip over a body already read
        createAgent("http2user");
        String token = node1.login("http2user", "leaver-pass-1");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node1.server.actualPort() + "/api/v1/auth/password"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                new JsonObject().put("currentPassword", "not-my-password").put("newPassword", "changed-pass-2").encode()))
            .build();

        java.net.http.HttpResponse<String> first = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> second = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(second.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(401);
        assertThat(new JsonObject(second.body()).getString("code")).isEqualTo("auth.bad-credentials");
    }

    private static void createAgent(String username) {
        node1.ok("/api/v1/admin/users", admin(), new JsonObject().put("username", username).put("password", "leaver-pass-1")
            .put("role", "AGENT"));
    }

    private static HttpResponse<Buffer> patch(String path, JsonObject body) {
        return node1.send(HttpMethod.PATCH, path, admin(), body.toBuffer());
    }

    private static String admin() {
        return node1.login("admin", ApiTestServer.ADMIN_PASSWORD);
    }

    private static HttpResponse<Buffer> signIn(String username, String password) {
        return node1.post("/api/v1/auth/token", null, new JsonObject().put("username", username).put("password", password));
    }
}
