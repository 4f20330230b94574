package org.hotline.linkage110.exchange;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.transfer.UpdateType;

/**
 * Wire DTO {@code linkage-update.v1}: the receiver of a transfer tells its sender what happened,
 * at {@code POST /linkage/v1/orders/{transferId}/updates}. A rejection needs a reason; a result
 * needs its text.
 */
public record LinkageUpdate(String transferId, String updateId, UpdateType type, String reason,
                            String outcome, String resultText, String handledBy, Instant at) {

    public static final String SCHEMA = "linkage-update.v1";

    public LinkageUpdate {
        LinkageOrder.require(transferId != null && !transferId.isBlank(), "transferId");
        LinkageOrder.require(updateId != null && !updateId.isBlank(), "updateId");
        LinkageOrder.require(type != null, "type");
        LinkageOrder.require(at != null, "at");
        if (type == UpdateType.REJECTED) {
            LinkageOrder.require(reason != null && !reason.isBlank(), "reason");
        }
        if (type == UpdateType.RESULT) {
            LinkageOrder.require(resultText != null && !resultText.isBlank(), "result.text");
        }
    }

    public static LinkageUpdate fromJson(JsonObject json) {
        try {
            LinkageOrder.require(SCHEMA.equals(json.getString("schema")), "schema");
            JsonObject result = json.getJsonObject("result", new JsonObject());
            return new LinkageUpdate(json.getString("transferId"), json.getString("updateId"),
                    type(json.getString("type")), json.getString("reason"), result.getString("outcome"),
                    result.getString("text"), result.getString("handledBy"),
                    LinkageOrder.instant(json.getString("at")));
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw HotlineException.invalid("linkage110.bad-update", "回执格式错误：" + e.getMessage());
        }
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("schema", SCHEMA).put("transferId", transferId)
                .put("updateId", updateId).put("type", type.name()).put("at", at.toString());
        if (reason != null) {
            json.put("reason", reason);
        }
        if (type == UpdateType.RESULT) {
            json.put("result", new JsonObject().put("outcome", outcome).put("text", resultText)
                    .put("handledBy", handledBy));
        }
        return json;
    }

    private static UpdateType type(String value) {
        try {
            return value == null ? null : UpdateType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("linkage110.bad-update-type", "未知回执类型：" + value);
        }
    }
}
