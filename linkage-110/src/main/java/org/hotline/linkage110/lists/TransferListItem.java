package org.hotline.linkage110.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a transfer list.
 *
 * @param keywords words that flag an appeal as belonging to this item at intake
 * @param urgency  {@code EMERGENCY} (danger to life or property: 110 acts first), {@code URGENT} or {@code NORMAL}
 */
public record TransferListItem(String code, String description, List<String> examples, List<String> keywords,
                               String urgency) {

    public TransferListItem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("清单事项缺少编码");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("清单事项缺少说明：" + code);
        }
        examples = List.copyOf(Objects.requireNonNullElse(examples, List.of()));
        keywords = List.copyOf(Objects.requireNonNullElse(keywords, List.of()));
        urgency = urgency == null ? "NORMAL" : urgency;
        if (!List.of("EMERGENCY", "URGENT", "NORMAL").contains(urgency)) {
            throw new IllegalArgumentException("清单事项紧急程度无效：" + urgency);
        }
    }

    public static TransferListItem fromJson(JsonObject json) {
        return new TransferListItem(json.getString("code"), json.getString("description"),
                strings(json.getJsonArray("examples")), strings(json.getJsonArray("keywords")),
                json.getString("urgency"));
    }

    public JsonObject toJson() {
        return new JsonObject().put("code", code).put("description", description)
                .put("examples", new JsonArray(examples)).put("keywords", new JsonArray(keywords))
                .put("urgency", urgency);
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
