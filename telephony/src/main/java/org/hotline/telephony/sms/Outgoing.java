package org.hotline.telephony.sms;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.hotline.core.model.Masking;

/**
 * One message waiting in the outbox: to whom, about which ticket, why, and the text already filled
 * in (so a template edited later does not change what was queued). {@code id} makes each queued
 * message distinct; {@code surveyCode} is set for a survey question; {@code attempts} counts the submits
 * the center refused so far.
 */
public record Outgoing(String id, String ticketId, String phone, String purpose, String text, String surveyCode, int attempts) {

    public Outgoing(String id, String ticketId, String phone, String purpose, String text, String surveyCode) {
        this(id, ticketId, phone, purpose, text, surveyCode, 0);
    }

    public Outgoing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(text, "text");
    }

    JsonObject toJson() {
        return new JsonObject().put("id", id).put("ticketId", ticketId).put("phone", phone).put("purpose", purpose)
                .put("text", text).put("surveyCode", surveyCode).put("attempts", attempts);
    }

    /** The same message after one more refused submit. */
    Outgoing refusedOnce() {
        return new Outgoing(id, ticketId, phone, purpose, text, surveyCode, attempts + 1);
    }

    static Outgoing fromJson(String json) {
        JsonObject o = new JsonObject(json);
        return new Outgoing(o.getString("id"), o.getString("ticketId"), o.getString("phone"), o.getString("purpose"),
                o.getString("text"), o.getString("surveyCode"), o.getInteger("attempts", 0));
    }

    @Override
    public String toString() {
        return "Outgoing[id=" + id + ", ticketId=" + ticketId + ", phone=" + Masking.maskPhone(phone) + ", purpose=" + purpose + ", attempts=" + attempts + "]";
    }
}
