package org.hotline.dispatch.sla;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A due SLA alarm as the scheduler fires it. {@code member} is the sorted-set member
 * ({@code {ticketId}|{clock}|{level}|{dueEpochMs}}) and the idempotency key of the firing.
 *
 * @param firedAtEpochMs Redis' clock when the alarm was claimed; minus {@code fireAtEpochMs} is the delay
 */
public record SlaAlarmFired(String member, String ticketId, String clock, String level, long dueEpochMs,
        long fireAtEpochMs, long firedAtEpochMs) {

    public SlaAlarmFired {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(level, "level");
    }

    /** Parses a member; the ticket id is everything before the last three fields. */
    public static SlaAlarmFired parse(String member, long fireAtEpochMs, long firedAtEpochMs) {
        String[] parts = member.split("\\|");
        if (parts.length < 4) {
            throw new IllegalArgumentException("not an SLA alarm member: " + member);
        }
        int n = parts.length;
        String ticketId = String.join("|", java.util.Arrays.copyOf(parts, n - 3));
        return new SlaAlarmFired(member, ticketId, parts[n - 3], parts[n - 2], Long.parseLong(parts[n - 1]),
                fireAtEpochMs, firedAtEpochMs);
    }

    public JsonObject toJson() {
        return new JsonObject().put("member", member).put("ticketId", ticketId).put("clock", clock)
                .put("level", level).put("dueEpochMs", dueEpochMs).put("fireAtEpochMs", fireAtEpochMs)
                .put("firedAtEpochMs", firedAtEpochMs);
    }
}
