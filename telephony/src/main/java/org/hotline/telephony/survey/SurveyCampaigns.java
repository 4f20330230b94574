package org.hotline.telephony.survey;

import io.vertx.core.json.JsonObject;
import org.hotline.core.error.HotlineException;

/** The campaign's JSON (stored in Redis and exchanged with administrators): one form for both. */
final class SurveyCampaigns {

    private SurveyCampaigns() {
    }

    static JsonObject toJson(SurveyCampaign c) {
        return new JsonObject().put("robotRate", c.robotRate()).put("revisitDissatisfied", c.revisitDissatisfied())
                .put("agreementRate", c.agreementRate()).put("seed", c.seed());
    }

    /** Reads a campaign; a missing or mistyped field is a 400 naming the field. */
    static SurveyCampaign fromJson(JsonObject json) {
        if (json == null) {
            throw HotlineException.invalid("survey.bad-body",
                    "请求体须为 JSON：{\"robotRate\": 1.0, \"revisitDissatisfied\": true, \"agreementRate\": 0.05, \"seed\": \"12345\"}");
        }
        return new SurveyCampaign(rate(json, "robotRate"), flag(json, "revisitDissatisfied"), rate(json, "agreementRate"),
                text(json, "seed"));
    }

    private static double rate(JsonObject json, String field) {
        if (json.getValue(field) instanceof Number n) {
            return n.doubleValue();
        }
        throw missing(field, "0 到 1 之间的数");
    }

    private static boolean flag(JsonObject json, String field) {
        if (json.getValue(field) instanceof Boolean b) {
            return b;
        }
        throw missing(field, "true 或 false");
    }

    private static String text(JsonObject json, String field) {
        if (json.getValue(field) instanceof String s) {
            return s;
        }
        throw missing(field, "字符串");
    }

    private static HotlineException missing(String field, String kind) {
        return HotlineException.invalid("survey.bad-field", "字段 " + field + " 须为" + kind);
    }
}
