package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Administrators create, edit, move, deactivate and reactivate units over real HTTP; the directory
 * lives in real Redis, so a neighbouring node and a node started later know the same units, and
 * data scope, assignment and user accounts follow each change.
 */
@Timeout(120)
class DepartmentAdminIT {

    private static final int DATABASE = 12;
    private static ApiTestServer server;
    private static ApiTestServer neighbour;
    private static String admin;
    private static String agent;
    private static String dispatcher;
    private static String district;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(DATABASE, config -> config);
        neighbour = new ApiTestServer(DATABASE, config -> config, false);
        admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        district = server.login("dongcheng1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        neighbour.close();
        server.close();
    }

    static JsonObject unit(String id, String name, String level, String parentId) {
        return new JsonObject().put("id", id).put("name", name).put("level", level).put("parentId", parentId);
    }

    private static HttpResponse<Buffer> put(String path, JsonObject body) {
        return server.send(HttpMethod.PUT, path, admin, body.toBuffer());
    }

    private static String assignedTo(String unit, String phone) {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "路灯不亮").put("content", "小区门口路灯连续三晚不亮。")
            .put("appealType", "HELP").put("phone", phone).put("name", "王五").put("district", "东城区").put("address", "人民路8号"));
        String id = server.get("/api/v1/tickets?phone=" + phone, agent).bodyAsJsonObject()
            .getJsonArray("items").getJsonObject(0).getString("id");
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010103"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", unit));
        return id;
    }

    static void eventually(ApiTestServer on, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 20 s").isLessThan(deadline);
            ApiTestServer.await(io.vertx.core.Future.future(p -> on.vertx.setTimer(100, id -> p.complete())));
        }
    }

    @Test
    void aNewSubUnitIsKnownToEveryNodeTakesUsersAndItsParentSeesItsTickets() {
        HttpResponse<Buffer> created = server.post("/api/v1/admin/departments", admin,
            unit("c.dongcheng.1.a", "人民路第一社区", "COMMUNITY", "s.dongcheng.1").put("contact", "0371-12345001"));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getBoolean("active")).isTrue();
        assertThat(server.get("/api/v1/departments", agent).bodyAsString()).contains("人民路第一社区", "0371-12345001");
        eventually(neighbour, () -> neighbour.service.seed().departments().contains("c.dongcheng.1.a"));
        try (ApiTestServer later = new ApiTestServer(DATABASE, config -> config, false)) {
            assertThat(later.service.seed().departments().find("c.dongcheng.1.a").orElseThrow().contact()).isEqualTo("0371-12345001");
        }
        JsonObject user = server.ok("/api/v1/admin/users", admin, new JsonObject().put("username", "community1")
            .put("password", "community-pass-1").put("role", "DEPARTMENT").put("departmentId", "c.dongcheng.1.a"));
        assertThat(user.getString("departmentId")).isEqualTo("c.dongcheng.1.a");
        String id = assignedTo("c.dongcheng.1.a", "13800138061");
        assertThat(server.get("/api/v1/tickets/" + id, district).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/tickets/" + id, server.login("community1", "community-pass-1")).statusCode()).isEqualTo(200);
    }

    @Test
    void badUnitsAreRefusedInChineseAndNothingChanges() {
        var unknownParent = server.post("/api/v1/admin/departments", admin, unit("s.nowhere.1", "无名街道", "STREET", "d.nowhere"));
        var duplicate = server.post("/api/v1/admin/departments", admin, unit("d.xihu", "西湖区", "DISTRICT", null));
        var aboveItsParent = server.post("/api/v1/admin/departments", admin, unit("d.inside", "区中区", "DISTRICT", "s.xihu.2"));
        var cycle = put("/api/v1/admin/departments/d.xihu", new JsonObject().put("name", "西湖区人民政府").put("level", "DISTRICT")
            .put("parentId", "s.xihu.1"));
        var userOfNowhere = server.post("/api/v1/admin/users", admin, new JsonObject().put("username", "ghost1")
            .put("password", "ghost-pass-11").put("role", "DEPARTMENT").put("departmentId", "d.nowhere"));
        var notAdmin = server.post("/api/v1/admin/departments", dispatcher, unit("s.xihu.9", "新街道", "STREET", "d.xihu"));

        AuthAndProblemsIT.assertProblem(unknownParent, 422, "department.unknown-parent");
        assertThat(unknownParent.bodyAsJsonObject().getString("detail")).contains("上级单位不存在");
        AuthAndProblemsIT.assertProblem(duplicate, 409, "department.duplicate");
        AuthAndProblemsIT.assertProblem(aboveItsParent, 422, "department.level");
        AuthAndProblemsIT.assertProblem(cycle, 422, "department.cycle");
        assertThat(cycle.bodyAsJsonObject().getString("detail")).contains("上级单位不能是本单位或本单位的下级单位");
        AuthAndProblemsIT.assertProblem(userOfNowhere, 400, "department.unknown");
        AuthAndProblemsIT.assertProblem(notAdmin, 403, "auth.role-not-allowed");
        AuthAndProblemsIT.assertProblem(put("/api/v1/admin/departments/D%20X", new JsonObject().put("name", "x").put("level", "CITY")),
            400, "request.invalid-path");
        AuthAndProblemsIT.assertProblem(put("/api/v1/admin/departments/d.nowhere", new JsonObject().put("name", "x").put("level", "CITY")),
            404, "department.not-found");
        assertThat(server.service.seed().departments().find("d.xihu").orElseThrow().parentId()).isNull();
    }

    @Test
    void aStreetMovedToAnotherDistrictLeavesTheOldDistrictsScopeAndEntersTheNewOne() {
        server.ok("/api/v1/admin/departments", admin, unit("s.dongcheng.9", "新设街道", "STREET", "d.dongcheng"));
        String id = assignedTo("s.dongcheng.9", "13800138062");
        server.ok("/api/v1/admin/users", admin, new JsonObject().put("username", "xihu1").put("password", "xihu-pass-111")
            .put("role", "DEPARTMENT").put("departmentId", "d.xihu"));
        String xihu = server.login("xihu1", "xihu-pass-111");
        assertThat(server.get("/api/v1/tickets/" + id, district).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> moved = put("/api/v1/admin/departments/s.dongcheng.9", new JsonObject().put("name", "新设街道（划归西湖区）")
            .put("level", "STREET").put("parentId", "d.xihu").put("contact", "0371-88886666"));

        assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
        assertThat(moved.bodyAsJsonObject().getString("parentId")).isEqualTo("d.xihu");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id, district), 404, "ticket.not-found");
        assertThat(server.get("/api/v1/tickets/" + id, xihu).statusCode()).isEqualTo(200);
        eventually(neighbour, () -> neighbour.service.seed().departments().find("s.dongcheng.9")
            .filter(unit -> "d.xihu".equals(unit.parentId())).isPresent());
    }

    @Test
    void aUnitWithOpenTicketsIsNotDeactivatedAndAnInactiveUnitTakesNoNewWork() {
        server.ok("/api/v1/admin/departments", admin, unit("s.xihu.8", "待撤并街道", "STREET", "d.xihu"));
        String id = assignedTo("s.xihu.8", "13800138063");

        var stillBusy = server.post("/api/v1/admin/departments/s.xihu.8/deactivate", admin, new JsonObject());
        var parentWithChildren = server.post("/api/v1/admin/departments/d.xihu/deactivate", admin, new JsonObject());
        AuthAndProblemsIT.assertProblem(stillBusy, 422, "department.has-open-tickets");
        assertThat(stillBusy.bodyAsJsonObject().getString("detail")).contains("仍有在办工单");
        AuthAndProblemsIT.assertProblem(parentWithChildren, 422, "department.has-sub-units");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/admin/departments/urban/deactivate", admin, new JsonObject()),
            422, "department.in-catalog");

        server.ok("/api/v1/tickets/" + id + "/reassign", dispatcher, new JsonObject().put("lead", "s.xihu.1").put("reason", "街道撤并"));
        JsonObject deactivated = server.ok("/api/v1/admin/departments/s.xihu.8/deactivate", admin, new JsonObject());

        assertThat(deactivated.getBoolean("active")).isFalse();
        String other = assignedTo("s.xihu.1", "13800138064");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + other + "/reassign", dispatcher,
            new JsonObject().put("lead", "s.xihu.8").put("reason", "试派")), 422, "department.inactive");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/admin/users", admin, new JsonObject().put("username", "closed1")
            .put("password", "closed-pass-11").put("role", "DEPARTMENT").put("departmentId", "s.xihu.8")), 400, "department.inactive");
        assertThat(server.get("/api/v1/departments", agent).bodyAsString()).contains("待撤并街道");
        assertThat(server.get("/api/v1/tickets/" + id + "/events", dispatcher).bodyAsString()).contains("s.xihu.8");
        eventually(neighbour, () -> !neighbour.service.seed().departments().isActive("s.xihu.8"));

        JsonObject back = server.ok("/api/v1/admin/departments/s.xihu.8/reactivate", admin, new JsonObject());
        assertThat(back.getBoolean("active")).isTrue();
    }

    @Test
    void anEditThatLeavesOutTheParentKindAndContactKeepsThem() {
        server.ok("/api/v1/admin/departments", admin, unit("housing.east", "东区房屋维修中心", "DISTRICT", "housing")
            .put("functional", true).put("contact", "0371-66660001"));

        HttpResponse<Buffer> renamed = put("/api/v1/admin/departments/housing.east", new JsonObject().put("name", "东区房屋维修服务中心")
            .put("level", "DISTRICT"));

        assertThat(renamed.statusCode()).as(renamed.bodyAsString()).isEqualTo(200);
        var unit = server.service.seed().departments().find("housing.east").orElseThrow();
        assertThat(unit.name()).isEqualTo("东区房屋维修服务中心");
        assertThat(unit.parentId()).isEqualTo("housing");
        assertThat(unit.functional()).isTrue();
        assertThat(unit.contact()).isEqualTo("0371-66660001");
    }

    @Test
    void aUnitWhoseReplyAwaitsTheReturnVisitIsNotDeactivated() {
        server.ok("/api/v1/admin/departments", admin, unit("s.xihu.7", "回访待结街道", "STREET", "d.xihu"));
        String id = assignedTo("s.xihu.7", "13800138065");
        server.ok("/api/v1/admin/users", admin, new JsonObject().put("username", "xihu7").put("password", "xihu7-pass-11")
            .put("role", "DEPARTMENT").put("departmentId", "s.xihu.7"));
        String street = server.login("xihu7", "xihu7-pass-11");
        server.ok("/api/v1/tickets/" + id + "/sign", street, new JsonObject());
        server.ok("/api/v1/tickets/" + id + "/reply", street, new JsonObject().put("text", "路灯已修复").put("result", "RESOLVED"));
        assertThat(server.get("/api/v1/inbox", street).bodyAsJsonObject().getJsonArray("items")).isEmpty();

        // a send-back or a re-handling after the return visit would put the ticket back to this unit
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/admin/departments/s.xihu.7/deactivate", admin, new JsonObject()),
            422, "department.has-open-tickets");
        assertThat(server.service.seed().departments().isActive("s.xihu.7")).isTrue();
    }
}
