package org.hotline.dispatch.routing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * When auto-dispatch may assign without a dispatcher, as data (served and edited at
 * {@code /api/v1/dispatch/policy}): the top suggestion's confidence must reach its category's
 * threshold, {@code categories.get(code)} when the category has one, else {@code autoAssignConfidence}.
 *
 * @param targetPrecision the precision the thresholds were derived for (null: set by hand); informative only
 * @param updatedBy       who stored it (null for the built-in default)
 * @param updatedAt       when it was stored (null for the built-in default)
 */
public record AutoAssignPolicy(double autoAssignConfidence, Map<String, Double> categories, Double targetPrecision,
        String updatedBy, Instant updatedAt) {

    /**
     * The built-in threshold, from the real citizen messages (6,642, 5-fold cross-validation, docs/classification.md):
     * at 0.9 the top suggestion covers 77.8 % of the texts and is right for 97.8 % of them (at the former 0.6:
     * 93.5 % covered, 95.5 % right). Precision first: a wrong bureau costs a 退单 and days.
     */
    public static final double DEFAULT_CONFIDENCE = 0.9;
    private static final int MAX_CODE = 64;

    public AutoAssignPolicy {
        requireThreshold(autoAssignConfidence, "autoAssignConfidence");
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        categories.forEach((code, threshold) -> {
            if (code == null || code.isBlank() || code.length() > MAX_CODE) {
                throw new IllegalArgumentException("categories 的分类代码应为 1 到 " + MAX_CODE + " 个字符");
            }
            requireThreshold(threshold, "categories." + code);
        });
        if (targetPrecision != null) {
            requireThreshold(targetPrecision, "targetPrecision");
        }
    }

    public static AutoAssignPolicy defaults() {
        return new AutoAssignPolicy(DEFAULT_CONFIDENCE, Map.of(), null, null, null);
    }

    /** One threshold for every category. */
    public static AutoAssignPolicy uniform(double autoAssignConfidence) {
        return new AutoAssignPolicy(autoAssignConfidence, Map.of(), null, null, null);
    }

    /** The confidence the top suggestion of this category needs to be assigned without a dispatcher. */
    public double thresholdFor(String category) {
        return categories.getOrDefault(category, autoAssignConfidence);
    }

    public AutoAssignPolicy storedBy(String who, Instant at) {
        return new AutoAssignPolicy(autoAssignConfidence, categories, targetPrecision, who, at);
    }

    public JsonObject toJson() {
        JsonObject byCategory = new JsonObject();
        new TreeMap<>(categories).forEach(byCategory::put);
        return new JsonObject().put("autoAssignConfidence", autoAssignConfidence).put("categories", byCategory)
                .put("targetPrecision", targetPrecision).put("updatedBy", updatedBy)
                .put("updatedAt", updatedAt == null ? null : updatedAt.toString());
    }

    /**
     * An administrator's (or the store's) JSON; throws IllegalArgumentException with a Chinese message when
     * a field is missing or out of range.
     */
    public static AutoAssignPolicy fromJson(JsonObject json) {
        if (!(json.getValue("autoAssignConfidence") instanceof Number confidence)) {
            throw new IllegalArgumentException("autoAssignConfidence 为必填数值（0 到 1 之间，不含 0）");
        }
        Object rawCategories = json.getValue("categories");
        if (rawCategories != null && !(rawCategories instanceof JsonObject)) {
            throw new IllegalArgumentException("categories 应为对象：分类代码 → 阈值");
        }
        Map<String, Double> categories = new TreeMap<>();
        if (rawCategories instanceof JsonObject byCategory) {
            byCategory.forEach(e -> {
                if (!(e.getValue() instanceof Number threshold)) {
                    throw new IllegalArgumentException("categories." + e.getKey() + " 应为数值（0 到 1 之间，不含 0）");
                }
                categories.put(e.getKey(), threshold.doubleValue());
            });
        }
        Object target = json.getValue("targetPrecision");
        if (target != null && !(target instanceof Number)) {
            throw new IllegalArgumentException("targetPrecision 应为数值（0 到 1 之间，不含 0）");
        }
        String at = json.getString("updatedAt");
        return new AutoAssignPolicy(confidence.doubleValue(), categories,
                target == null ? null : ((Number) target).doubleValue(), json.getString("updatedBy"),
                at == null ? null : Instant.parse(at));
    }

    private static void requireThreshold(double value, String field) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " 应在 0 到 1 之间（不含 0）");
        }
    }
}
