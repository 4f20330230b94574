package org.hotline.telephony;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live contact-centre figures per queue, as DOMAIN.md defines them: calls waiting, longest wait,
 * 15-second answer rate (answered within 15 s / offered), connection rate (answered / offered),
 * average wait and talk of answered calls, abandonment rate (abandoned / offered). Short abandons
 * (under {@value CallMeasures#SHORT_ABANDON_SECONDS} s) are counted apart and left out of the rates'
 * denominators, as in {@link CallMeasures} (docs/measures.md, "Call measures"); average handling time
 * is talk plus the configured wrap-up. Counted since the backend started; the call-record stream
 * holds the full history for reports ({@code GET /api/telephony/measures}).
 */
public final class QueueStatistics {

    static final Duration SERVICE_LEVEL = Duration.ofSeconds(15);

    private final Map<String, Map<String, Instant>> waiting = new HashMap<>();
    private final Map<String, Totals> totals = new HashMap<>();
    private final long wrapUpSeconds;

    public QueueStatistics() {
        this(Duration.ZERO);
    }

    public QueueStatistics(Duration wrapUp) {
        this.wrapUpSeconds = wrapUp.toSeconds();
    }

    private static final class Totals {
        long offered;
        long answered;
        long answeredInTime;
        long abandoned;
        long shortAbandoned;
        long waitSeconds;
        long talkSeconds;
    }

    public void queued(String queue, String callId, Instant at) {
        waiting.computeIfAbsent(queue, q -> new LinkedHashMap<>()).put(callId, at);
    }

    public void leftQueue(String queue, String callId) {
        Map<String, Instant> w = waiting.get(queue);
        if (w != null) {
            w.remove(callId);
        }
    }

    /** Resync after a reconnect: Asterisk's own list of waiting callers replaces ours. */
    public void resetWaiting(String queue) {
        waiting.remove(queue);
    }

    public void finished(CallRecord record) {
        if (record.queue().isEmpty()) {
            return;
        }
        leftQueue(record.queue(), record.callId());
        Totals t = totals.computeIfAbsent(record.queue(), q -> new Totals());
        t.offered++;
        switch (record.outcome()) {
            case ANSWERED -> {
                t.answered++;
                t.answeredInTime += record.answeredWithin(SERVICE_LEVEL) ? 1 : 0;
                t.waitSeconds += record.waitTime().toSeconds();
                t.talkSeconds += record.talkTime().toSeconds();
            }
            case ABANDONED -> {
                if (record.waitTime().toSeconds() < CallMeasures.SHORT_ABANDON_SECONDS) {
                    t.shortAbandoned++;
                } else {
                    t.abandoned++;
                }
            }
            case BLOCKED, SELF_SERVICE, NO_ANSWER -> { }
        }
    }

    public JsonObject snapshot(String queue, Instant now) {
        Map<String, Instant> w = waiting.getOrDefault(queue, Map.of());
        long longest = w.values().stream().mapToLong(at -> Duration.between(at, now).toSeconds()).max().orElse(0);
        Totals t = totals.getOrDefault(queue, new Totals());
        long counted = t.offered - t.shortAbandoned;
        return new JsonObject().put("queue", queue).put("waiting", w.size()).put("longestWaitSeconds", longest)
                .put("offered", t.offered).put("answered", t.answered).put("abandoned", t.abandoned)
                .put("shortAbandoned", t.shortAbandoned)
                .put("answerRate15s", ratio(t.answeredInTime, counted))
                .put("connectionRate", ratio(t.answered, counted))
                .put("abandonmentRate", ratio(t.abandoned, counted))
                .put("averageWaitSeconds", ratio(t.waitSeconds, t.answered))
                .put("averageSpeedOfAnswerSeconds", ratio(t.waitSeconds, t.answered))
                .put("averageTalkSeconds", ratio(t.talkSeconds, t.answered))
                .put("averageHandlingSeconds", ratio(t.talkSeconds + wrapUpSeconds * t.answered, t.answered));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
