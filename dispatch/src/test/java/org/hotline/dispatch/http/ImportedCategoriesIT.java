package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.dispatch.store.CatalogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An evaluator imports its own categories (codes the seed catalog never heard of) over a server
 * whose catalog already holds seed categories with cold-start keywords. Once the history trained
 * the model, answers come only from what was learned: a seed category is never suggested ahead of
 * a learned one and takes no share of the confidence, however many of its keywords the text has.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedCategoriesIT {

    /** The evaluation set's categories renamed to codes of the evaluator's own. */
    private static final Map<String, String> CODES = Map.of("城乡建设", "X01", "环境保护", "X02", "交通运输", "X03",
            "教育文体", "X04", "劳动和社会保障", "X05", "商贸旅游", "X06", "卫生计生", "X07");
    private static final List<CatalogEntry> SEED = List.of(
            new CatalogEntry("010100", "物业管理", "市住房和城乡建设局", List.of("物业", "电梯", "小区", "业主")),
            new CatalogEntry("020100", "噪声污染", "市生态环境局", List.of("噪音", "噪声", "扰民", "晚上")),
            new CatalogEntry("030100", "公交服务", "市交通运输局", List.of("公交", "司机", "线路")),
            new CatalogEntry("050100", "劳动报酬", "市人力资源和社会保障局", List.of("工资", "拖欠", "老板")));

    private DispatchTestServer server;
    private String agent;
    private final List<JsonObject> training = new ArrayList<>();
    private final List<JsonObject> heldOut = new ArrayList<>();

    @BeforeAll
    void importTheEvaluatorsHistory() throws IOException {
        server = new DispatchTestServer(7);
        agent = server.token(Actor.agent("agent1", "坐席一"));
        DispatchTestServer.await(server.catalog.createMissing(SEED));
        try (InputStream in = getClass().getResourceAsStream("/classification/eval-set.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonObject row = new JsonObject(line);
                row.put("category", CODES.get(row.getString("category"))).remove("department");
                String matter = row.getString("matter");
                int index = Integer.parseInt(matter.substring(matter.lastIndexOf('-') + 1));
                (index % 5 == 1 ? heldOut : training).add(row);
            }
        }
        StringBuilder body = new StringBuilder();
        training.forEach(row -> body.append(row.encode()).append('\n'));
        String admin = server.token(new Actor("admin", Role.ADMIN, null, "管理员"));
        HttpResponse<Buffer> imported = server.post(DispatchRoutes.HISTORY_IMPORT + "?createCategories=true", admin,
                "application/x-ndjson", Buffer.buffer(body.toString(), "UTF-8"));
        assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
        assertThat(imported.bodyAsJsonObject().getBoolean("trained")).isTrue();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void learnedCategoriesAlwaysRankAheadOfSeedCategoriesAndShareAllTheConfidence() {
        Set<String> learned = new HashSet<>(CODES.values());
        for (JsonObject row : heldOut) {
            JsonArray all = classify(row.getString("title"), row.getString("content"), 20);
            assertThat(all).hasSize(CODES.size() + SEED.size());
            double learnedShare = 0;
            for (int i = 0; i < all.size(); i++) {
                JsonObject suggestion = all.getJsonObject(i);
                boolean isLearned = learned.contains(suggestion.getString("category"));
                assertThat(isLearned).as("rank %d of %s", i, all).isEqualTo(i < CODES.size());
                if (isLearned) {
                    learnedShare += suggestion.getDouble("confidence");
                    assertThat(suggestion.getString("basis")).startsWith("model:");
                } else {
                    assertThat(suggestion.getDouble("confidence")).isZero();
                    assertThat(suggestion.getString("basis")).isEqualTo("catalog");
                }
            }
            assertThat(learnedShare).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void textFullOfSeedKeywordsIsStillAnsweredByTheLearnedModel() {
        JsonArray top = classify("小区物业", "小区业主反映物业管理的电梯晚上噪音扰民，公交线路司机老板拖欠工资", 3);
        assertThat(top).hasSize(3);
        top.forEach(s -> assertThat(CODES.values()).contains(((JsonObject) s).getString("category")));
    }

    @Test
    void heldOutMattersAreRankedUnderTheEvaluatorsOwnCodes() {
        int top1 = 0;
        for (JsonObject row : heldOut) {
            JsonArray suggestions = classify(row.getString("title"), row.getString("content"), 3);
            top1 += row.getString("category").equals(suggestions.getJsonObject(0).getString("category")) ? 1 : 0;
        }
        // a regression floor on matters never seen in training (docs/classification.md): 68 of these 83 with the
        // dual coordinate solver and text-ordered features (the same cross-validated figures as liblinear on the
        // real messages); the floor sits one matter below that
        assertThat((double) top1 / heldOut.size()).isGreaterThan(0.80);
    }

    private JsonArray classify(String title, String content, int limit) {
        HttpResponse<Buffer> response = server.post(DispatchRoutes.CLASSIFY + "?limit=" + limit, agent,
                "application/json", new JsonObject().put("title", title).put("content", content).toBuffer());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("suggestions");
    }
}
