package org.hotline.dispatch.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.dispatch.classify.ModelStatus;

/**
 * The answer of a history import: counts, every rejected line with its reason, and whether the
 * classifier already serves a model that learned from this import ({@code trained}); when not,
 * {@code wait} says how to find out.
 */
public record ImportResult(int imported, int duplicates, List<HistoryLineParser.Rejected> rejected,
        List<String> createdCategories, boolean trained, ModelStatus model, String waitHint) {

    public static final String STILL_TRAINING =
            "模型仍在训练：轮询 GET /api/v1/classify/model，直到 training=false 且 examples 包含本次导入";
    public static final String TOO_LITTLE = "历史数据不足以训练模型（至少两个类别且达到最少条数），暂用分类目录关键词规则";

    public JsonObject toJson() {
        JsonArray rejects = new JsonArray();
        rejected.forEach(r -> rejects.add(new JsonObject().put("line", r.lineNumber()).put("reason", r.reason())));
        JsonObject json = new JsonObject().put("imported", imported).put("duplicates", duplicates)
                .put("rejected", rejects).put("createdCategories", new JsonArray(createdCategories))
                .put("trained", trained).put("model", model.toJson());
        if (waitHint != null) {
            json.put("wait", waitHint);
        }
        return json;
    }
}
