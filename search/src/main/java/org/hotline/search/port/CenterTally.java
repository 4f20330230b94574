package org.hotline.search.port;

import java.util.Map;
import org.hotline.search.doc.TicketDocument;

/**
 * Hotline-wide counts of a period (docs/measures.md, "Center measures"): tickets received and those
 * the agent answered directly, and the calls that ended in it. Both backends count with the
 * definitions below.
 *
 * @param offered calls that reached a queue: answered or abandoned (blocked, self-service and outbound excluded)
 * @param waitSeconds queue waiting time summed over offered calls
 * @param talkSeconds talking time summed over answered calls
 */
public record CenterTally(long tickets, long answeredDirectly,
                          long offered, long answered, long answeredWithin15s, long abandoned,
                          long waitSeconds, long talkSeconds) {

    public static final CenterTally EMPTY = new CenterTally(0, 0, 0, 0, 0, 0, 0, 0);
    public static final int ANSWER_SECONDS = 15;

    /** Closed at intake by the agent's answer: closed with a reply, never given to a department. */
    public static boolean answeredDirectly(TicketDocument t) {
        return "CLOSED".equals(t.status()) && t.leadDepartment() == null && t.at().replied() != null;
    }

    public CenterTally plusTicket(TicketDocument t) {
        return new CenterTally(tickets + 1, answeredDirectly + (answeredDirectly(t) ? 1 : 0),
                offered, answered, answeredWithin15s, abandoned, waitSeconds, talkSeconds);
    }

    /** One call record ({@code call.v1} fields, values as telephony writes them: strings). */
    public CenterTally plusCall(Map<String, ?> call) {
        String outcome = String.valueOf(call.get("outcome"));
        if ("OUTBOUND".equals(call.get("direction"))) {
            return this; // callbacks and return visits are not offered calls
        }
        boolean isAnswered = "ANSWERED".equals(outcome);
        if (!isAnswered && !"ABANDONED".equals(outcome)) {
            return this;
        }
        long wait = seconds(call.get("waitSeconds"));
        return new CenterTally(tickets, answeredDirectly, offered + 1, answered + (isAnswered ? 1 : 0),
                answeredWithin15s + (isAnswered && wait <= ANSWER_SECONDS ? 1 : 0), abandoned + (isAnswered ? 0 : 1),
                waitSeconds + wait, talkSeconds + (isAnswered ? seconds(call.get("talkSeconds")) : 0));
    }

    public static long seconds(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Math.max(0, Math.round(Double.parseDouble(value.toString())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
