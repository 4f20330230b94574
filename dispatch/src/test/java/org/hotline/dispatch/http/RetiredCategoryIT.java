package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A category an administrator retired leaves the dispatch catalog but not the training history:
 * the model still knows it, and the suggestions must not offer it (real Redis, real HTTP).
 */
class RetiredCategoryIT {

    private static final Set<String> KEPT = Set.of("城乡建设", "环境保护", "交通运输");
    private DispatchTestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRetiredCategoryIsNoLongerSuggestedAndTheOthersShareAllTheConfidence() throws Exception {
        server = new DispatchTestServer(3);
        StringBuilder history = new StringBuilder();
        try (InputStream in = getClass().getResourceAsStream("/classification/eval-set.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (KEPT.contains(new JsonObject(line).getString("category"))) {
                    history.append(line).append('\n');
                }
            }
        }
        String admin = server.token(new Actor("admin", Role.ADMIN, null, "管理员"));
        HttpResponse<Buffer> imported = server.post(DispatchRoutes.HISTORY_IMPORT + "?createCategories=true", admin,
                "application/x-ndjson", Buffer.buffer(history.toString(), "UTF-8"));
        assertThat(imported.bodyAsJsonObject().getBoolean("trained")).as(imported.bodyAsString()).isTrue();
        String agent = server.token(Actor.agent("agent1", "坐席一"));
        String smoke = "化工厂每天晚上偷偷排放废气，气味刺鼻，河里的鱼都死了";
        assertThat(codes(classify(agent, smoke))).first().isEqualTo("环境保护");

        DispatchTestServer.await(server.catalog.remove("环境保护"));

        JsonArray after = classify(agent, smoke);
        assertThat(codes(after)).doesNotContain("环境保护").containsExactlyInAnyOrder("城乡建设", "交通运输");
        double total = after.stream().mapToDouble(s -> ((JsonObject) s).getDouble("confidence")).sum();
        assertThat(total).isCloseTo(1.0, Offset.offset(0.001));
    }

    private JsonArray classify(String token, String content) {
        HttpResponse<Buffer> response = server.post(DispatchRoutes.CLASSIFY + "?limit=10", token, "application/json",
                new JsonObject().put("title", "反映问题").put("content", content).toBuffer());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("suggestions");
    }

    private static List<String> codes(JsonArray suggestions) {
        return suggestions.stream().map(s -> ((JsonObject) s).getString("category")).toList();
    }
}
