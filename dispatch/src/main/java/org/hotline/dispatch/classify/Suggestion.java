package org.hotline.dispatch.classify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One answer of {@code POST /api/v1/classify}: a category with its display name, confidence 0..1,
 * usual lead department (may be null) and the basis of the suggestion (model or keyword rule). When the
 * top two are close, each of them carries {@code words}: the words of the text that weigh most for it
 * against the other (empty otherwise).
 */
public record Suggestion(String category, String name, double confidence, String department, String basis,
        List<String> words) {

    public Suggestion {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(basis, "basis");
        words = words == null ? List.of() : List.copyOf(words);
    }

    public Suggestion(String category, String name, double confidence, String department, String basis) {
        this(category, name, confidence, department, basis, List.of());
    }

    public Suggestion withWords(List<String> deciding) {
        return new Suggestion(category, name, confidence, department, basis, deciding);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("category", category).put("name", name)
                .put("confidence", Math.round(confidence * 10_000) / 10_000.0)
                .put("department", department).put("basis", basis);
        return words.isEmpty() ? json : json.put("words", new JsonArray(words));
    }
}
