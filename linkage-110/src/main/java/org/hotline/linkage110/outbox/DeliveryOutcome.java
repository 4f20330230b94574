package org.hotline.linkage110.outbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * How one delivery attempt ended. A 2xx counts only with the documented receipt body: a proxy's
 * HTML page or a truncated answer is garbage, and garbage is retried like an outage. A 4xx other
 * than 408/425/429 is permanent (retrying the same bytes cannot help) and parks at once.
 */
public record DeliveryOutcome(Kind kind, String reason) {

    public enum Kind { DELIVERED, RETRY, PARK }

    public static DeliveryOutcome retry(String reason) {
        return new DeliveryOutcome(Kind.RETRY, reason);
    }

    public static DeliveryOutcome of(int status, String body) {
        if (status >= 200 && status < 300) {
            return isReceipt(body)
                    ? new DeliveryOutcome(Kind.DELIVERED, "HTTP " + status)
                    : retry("garbage answer with HTTP " + status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return retry("HTTP " + status);
        }
        return new DeliveryOutcome(Kind.PARK, "refused with HTTP " + status + ": " + abbreviate(body));
    }

    private static boolean isReceipt(String body) {
        try {
            return body != null && new JsonObject(body).getBoolean("received", false);
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
