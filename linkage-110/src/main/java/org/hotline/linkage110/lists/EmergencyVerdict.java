package org.hotline.linkage110.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the intake rules say about an appeal: whether it belongs to 110, by which list item and
 * version, and what the agent (and, for web appeals, the citizen) should be told at once.
 */
public record EmergencyVerdict(boolean police, TransferListItem item, int version, List<String> matched,
                               String advice) {

    public JsonObject toJson() {
        return new JsonObject().put("police", police)
                .put("item", item == null ? null : item.toJson())
                .put("version", version)
                .put("matched", new JsonArray(matched))
                .put("advice", advice);
    }
}
