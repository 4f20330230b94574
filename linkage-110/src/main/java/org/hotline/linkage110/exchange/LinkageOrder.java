package org.hotline.linkage110.exchange;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;

/**
 * Wire DTO {@code linkage-order.v1}: a new transfer, sent by either side to the other's
 * {@code POST /linkage/v1/orders} (see docs/linkage-110-openapi.yaml).
 */
public record LinkageOrder(String transferId, String sourceRef, String listCode, int listVersion,
                           String urgency, String title, String content, String district, String address,
                           String callerName, String callerPhone, Instant occurredAt, Instant sentAt) {

    public static final String SCHEMA = "linkage-order.v1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public LinkageOrder {
        require(transferId != null && ID.matcher(transferId).matches(), "transferId");
        require(sourceRef != null && !sourceRef.isBlank(), "sourceRef");
        require(listCode != null && !listCode.isBlank(), "listCode");
        require(listVersion >= 1, "listVersion");
        require(title != null && !title.isBlank() && title.length() <= 200, "title");
        require(content != null && content.length() <= 10_000, "content");
        require(sentAt != null, "sentAt");
    }

    public static LinkageOrder fromJson(JsonObject json) {
        try {
            require(SCHEMA.equals(json.getString("schema")), "schema");
            JsonObject location = json.getJsonObject("location", new JsonObject());
            JsonObject caller = json.getJsonObject("caller", new JsonObject());
            return new LinkageOrder(json.getString("transferId"), json.getString("sourceRef"),
                    json.getString("listCode"), json.getInteger("listVersion", 0), json.getString("urgency", "NORMAL"),
                    json.getString("title"), json.getString("content", ""), location.getString("district"),
                    location.getString("address"), caller.getString("name"), caller.getString("phone"),
                    instant(json.getString("occurredAt")), instant(json.getString("sentAt")));
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw HotlineException.invalid("linkage110.bad-order", "移交单格式错误：" + e.getMessage());
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("schema", SCHEMA).put("transferId", transferId).put("sourceRef", sourceRef)
                .put("listCode", listCode).put("listVersion", listVersion).put("urgency", urgency)
                .put("title", title).put("content", content)
                .put("location", new JsonObject().put("district", district).put("address", address))
                .put("caller", new JsonObject().put("name", callerName).put("phone", callerPhone))
                .put("occurredAt", occurredAt == null ? null : occurredAt.toString())
                .put("sentAt", sentAt.toString());
    }

    static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    static void require(boolean ok, String field) {
        if (!ok) {
            throw HotlineException.invalid("linkage110.bad-field", "字段缺失或无效：" + field);
        }
    }
}
