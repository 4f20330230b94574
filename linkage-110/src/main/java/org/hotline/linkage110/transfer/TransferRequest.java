package org.hotline.linkage110.transfer;

import io.vertx.core.json.JsonObject;
import org.hotline.core.error.HotlineException;

/**
 * An agent's or the intake's request to hand a 12345 ticket to 110. Without {@code itemCode} the
 * intake rules pick the list item; a request that matches none is refused.
 */
public record TransferRequest(String ticketId, String ticketNumber, String itemCode, String title, String content,
                              String district, String address, String callerName, String callerPhone) {

    public TransferRequest {
        if (ticketId == null || ticketId.isBlank()) {
            throw HotlineException.invalid("linkage110.ticket-required", "缺少工单编号ticketId");
        }
        if (title == null || title.isBlank()) {
            throw HotlineException.invalid("linkage110.title-required", "缺少标题title");
        }
        ticketNumber = ticketNumber == null ? ticketId : ticketNumber;
        content = content == null ? "" : content;
    }

    public static TransferRequest fromJson(JsonObject json) {
        if (json == null) {
            throw HotlineException.invalid("linkage110.body-required", "请求体必须是JSON对象");
        }
        try {
            return new TransferRequest(json.getString("ticketId"), json.getString("ticketNumber"),
                    json.getString("itemCode"), json.getString("title"), json.getString("content"),
                    json.getString("district"), json.getString("address"), json.getString("callerName"),
                    json.getString("callerPhone"));
        } catch (ClassCastException e) {
            throw HotlineException.invalid("linkage110.bad-field", "字段类型错误");
        }
    }
}
