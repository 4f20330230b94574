package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.core.catalog.CategoryCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Administrators add, edit and retire categories at the three levels over real HTTP; the catalog
 * lives in real Redis for every node; a retired category stays on old tickets and cannot be chosen
 * for new ones; each change is handed to the other copy of the catalog (dispatch's).
 */
@Timeout(120)
class CategoryAdminIT {

    private static final int DATABASE = 13;
    private static final Map<String, CategoryCatalog.Entry> PASSED_ON = new ConcurrentHashMap<>();
    /** Codes whose next hand-over to dispatch fails once, as a Redis hiccup on dispatch's side would. */
    private static final java.util.Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    private static ApiTestServer server;
    private static ApiTestServer neighbour;
    private static String admin;
    private static String agent;
    private static String dispatcher;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(DATABASE, config -> config, true, ApiOptions.none().withCategoryListener(entry -> {
            if (FAIL_ONCE.remove(entry.category().code())) {
                return Future.failedFuture(new IllegalStateException("dispatch catalog unreachable"));
            }
            PASSED_ON.put(entry.category().code(), entry);
            return Future.succeededFuture();
        }));
        neighbour = new ApiTestServer(DATABASE, config -> config, false);
        admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        agent = server.login("agent1", ApiTestServer.DEMO_PASSWORD);
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        neighbour.close();
        server.close();
    }

    private static JsonObject category(String code, String name, String... departments) {
        return new JsonObject().put("code", code).put("name", name).put("departments", new JsonArray(List.of(departments)));
    }

    private static String received(String phone) {
        server.ok("/api/v1/appeals", null, new JsonObject().put("title", "消防栓漏水").put("content", "路口消防栓一直漏水。")
            .put("appealType", "HELP").put("phone", phone).put("name", "赵六").put("district", "东城区").put("address", "人民路1号"));
        return server.get("/api/v1/tickets?phone=" + phone, agent).bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
    }

    private static HttpResponse<Buffer> classify(String id, String code) {
        return server.post("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", code));
    }

    @Test
    void aNewCategoryAtEachLevelIsChosenRoutedKnownToEveryNodeAndPassedOn() {
        JsonObject top = server.ok("/api/v1/admin/categories", admin, category("900000", "应急管理", "urban"));
        server.ok("/api/v1/admin/categories", admin, category("900100", "消防设施"));
        HttpResponse<Buffer> leaf = server.post("/api/v1/admin/categories", admin,
            category("900101", "消防栓损坏").put("keywords", new JsonArray().add("消防栓").add("漏水")));

        assertThat(top.getInteger("level")).isEqualTo(1);
        assertThat(leaf.statusCode()).as(leaf.bodyAsString()).isEqualTo(201);
        assertThat(leaf.bodyAsJsonObject().getString("path")).isEqualTo("应急管理/消防设施/消防栓损坏");
        assertThat(leaf.bodyAsJsonObject().getJsonArray("leadDepartments").getList()).containsExactly("urban");
        assertThat(classify(received("13800138071"), "900101").statusCode()).isEqualTo(200);
        assertThat(PASSED_ON.get("900101").keywords()).containsExactly("消防栓", "漏水");
        DepartmentAdminIT.eventually(neighbour, () -> neighbour.service.seed().categories().chooseable("900101"));
        try (ApiTestServer later = new ApiTestServer(DATABASE, config -> config, false)) {
            assertThat(later.service.seed().categories().find("900101").orElseThrow().pathText()).isEqualTo("应急管理/消防设施/消防栓损坏");
        }
    }

    @Test
    void aRenamedParentRenamesThePathsBelowIt() {
        server.ok("/api/v1/admin/categories", admin, category("910000", "旧名称", "housing"));
        server.ok("/api/v1/admin/categories", admin, category("910100", "物业服务"));

        HttpResponse<Buffer> renamed = server.send(HttpMethod.PUT, "/api/v1/admin/categories/910000", admin,
            new JsonObject().put("name", "住房保障").put("departments", new JsonArray().add("housing")).toBuffer());

        assertThat(renamed.statusCode()).as(renamed.bodyAsString()).isEqualTo(200);
        assertThat(server.service.seed().categories().find("910100").orElseThrow().pathText()).isEqualTo("住房保障/物业服务");
    }

    @Test
    void aRetiredCategoryStaysOnOldTicketsButCannotBeChosenAgain() {
        server.ok("/api/v1/admin/categories", admin, category("010199", "临时事项", "urban"));
        String old = received("13800138072");
        server.ok("/api/v1/tickets/" + old + "/classify", dispatcher, new JsonObject().put("categoryCode", "010199"));

        JsonObject retired = server.ok("/api/v1/admin/categories/010199/retire", admin, new JsonObject());

        assertThat(retired.getBoolean("retired")).isTrue();
        assertThat(PASSED_ON.get("010199").retired()).isTrue();
        HttpResponse<Buffer> refused = classify(received("13800138073"), "010199");
        AuthAndProblemsIT.assertProblem(refused, 422, "category.retired");
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("分类已停用");
        assertThat(server.get("/api/v1/tickets/" + old, dispatcher).bodyAsString()).contains("临时事项");
        assertThat(server.get("/api/v1/catalog", agent).bodyAsString()).doesNotContain("010199");
        assertThat(server.get("/api/v1/catalog?includeRetired=true", agent).bodyAsString()).contains("010199");
        assertThat(server.client.get("/open311/v2/services.json").send().toCompletionStage().toCompletableFuture().join().bodyAsString())
            .doesNotContain("010199").contains("010101");
    }

    @Test
    void badCategoriesAreRefusedInChinese() {
        var noParent = server.post("/api/v1/admin/categories", admin, category("920101", "无上级"));
        var duplicate = server.post("/api/v1/admin/categories", admin, category("010101", "道路破损"));
        var unknownUnit = server.post("/api/v1/admin/categories", admin, category("010198", "新事项", "d.nowhere"));
        var parentInUse = server.post("/api/v1/admin/categories/010100/retire", admin, new JsonObject());
        var badCode = server.post("/api/v1/admin/categories", admin, category("01010", "五位编码"));

        AuthAndProblemsIT.assertProblem(noParent, 422, "category.unknown-parent");
        assertThat(noParent.bodyAsJsonObject().getString("detail")).contains("上级分类不存在");
        AuthAndProblemsIT.assertProblem(duplicate, 409, "category.duplicate");
        AuthAndProblemsIT.assertProblem(unknownUnit, 422, "department.unknown");
        AuthAndProblemsIT.assertProblem(parentInUse, 422, "category.has-children");
        AuthAndProblemsIT.assertProblem(badCode, 400, "request.invalid-field");
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/admin/categories/0101/retire", admin, new JsonObject()),
            400, "request.invalid-path");
        assertThat(server.service.seed().categories().find("920101")).isEmpty();
    }

    @Test
    void aCategoryDispatchDidNotTakeIsSavedAnswered503AndPassedOnWhenSavedAgain() {
        FAIL_ONCE.add("970000");
        HttpResponse<Buffer> first = server.post("/api/v1/admin/categories", admin, category("970000", "防汛抗旱", "urban"));

        AuthAndProblemsIT.assertProblem(first, 503, "category.not-passed-on");
        assertThat(server.service.seed().categories().chooseable("970000")).isTrue();
        assertThat(PASSED_ON).doesNotContainKey("970000");

        HttpResponse<Buffer> again = server.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/admin/categories/970000", admin,
            new JsonObject().put("name", "防汛抗旱").put("departments", new JsonArray().add("urban")).toBuffer());
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(200);
        assertThat(PASSED_ON.get("970000").category().name()).isEqualTo("防汛抗旱");
    }
}
