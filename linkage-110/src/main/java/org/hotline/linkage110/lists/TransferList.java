package org.hotline.linkage110.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.linkage110.transfer.Direction;

/** One published version of a transfer list; a version applies from its effective date on. */
public record TransferList(Direction direction, int version, Instant effectiveFrom, List<TransferListItem> items) {

    public TransferList {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (version < 1) {
            throw new IllegalArgumentException("清单版本号必须从1开始");
        }
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("清单不能为空");
        }
        var codes = new HashSet<String>();
        for (TransferListItem item : items) {
            if (!codes.add(item.code())) {
                throw new IllegalArgumentException("清单事项编码重复：" + item.code());
            }
        }
    }

    public Optional<TransferListItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public static TransferList fromJson(Direction direction, JsonObject json) {
        JsonArray items = json.getJsonArray("items", new JsonArray());
        return new TransferList(direction, json.getInteger("version", 0),
                Instant.parse(json.getString("effectiveFrom")),
                items.stream().map(o -> TransferListItem.fromJson((JsonObject) o)).toList());
    }

    public JsonObject toJson() {
        return new JsonObject().put("direction", direction.wire()).put("version", version)
                .put("effectiveFrom", effectiveFrom.toString())
                .put("items", new JsonArray(items.stream().map(TransferListItem::toJson).toList()));
    }
}
