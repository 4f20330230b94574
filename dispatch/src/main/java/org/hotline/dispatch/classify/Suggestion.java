package org.hotline.dispatch.classify;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One answer of {@code POST /api/v1/classify}: a category with its display name, confidence 0..1,
 * usual lead department (may be null) and the basis of the suggestion (model or keyword rule).
 */
public record Suggestion(String category, String name, double confidence, String department, String basis) {

    public Suggestion {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(basis, "basis");
    }

    public JsonObject toJson() {
        return new JsonObject().put("category", category).put("name", name)
                .put("confidence", Math.round(confidence * 10_000) / 10_000.0)
                .put("department", department).put("basis", basis);
    }
}
