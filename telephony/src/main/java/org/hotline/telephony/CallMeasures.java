package org.hotline.telephony;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contact-centre measures from call records (docs/measures.md, "Call measures"), per queue and per
 * agent, per hour or day of the call's start in the centre's zone. Pure: records in, rows out.
 * Queue rows: offered (incoming calls that reached the queue), answered, abandoned (gave up after
 * {@value #SHORT_ABANDON_SECONDS} s or more), short abandons (under {@value #SHORT_ABANDON_SECONDS} s,
 * counted apart and left out of the rates' denominator), 15-second answer rate, average speed of
 * answer, average handling time (talk + the configured wrap-up). Agent rows: calls answered, the same
 * averages, and the agent's outbound calls (callbacks, return visits) and how many the citizen took.
 */
public final class CallMeasures {

    public static final long SHORT_ABANDON_SECONDS = 5;
    public static final long SERVICE_LEVEL_SECONDS = 15;

    /** The rows' time buckets. */
    public enum Period { HOUR, DAY }

    private record Key(String period, String dimension, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = o.dimension.compareTo(dimension); // "queue" rows before "agent" rows
            }
            return c == 0 ? name.compareTo(o.name) : c;
        }
    }

    private static final class Tally {
        long offered;
        long answered;
        long answeredInTime;
        long abandoned;
        long shortAbandoned;
        long answerSeconds;
        long talkSeconds;
        long outbound;
        long outboundAnswered;
    }

    private final ZoneId zone;
    private final Period by;
    private final long wrapUpSeconds;
    private final Map<Key, Tally> rows = new TreeMap<>();

    public CallMeasures(ZoneId zone, Period by, Duration wrapUp) {
        this.zone = zone;
        this.by = by;
        this.wrapUpSeconds = wrapUp.toSeconds();
    }

    /** One record's stream fields (call.v1). Blocked and self-service calls never reached a queue. */
    public CallMeasures add(Map<String, String> record) {
        String started = record.getOrDefault("startedAt", "");
        if (started.isEmpty()) {
            return this;
        }
        String period = bucket(Instant.parse(started));
        String outcome = record.getOrDefault("outcome", "");
        String agent = record.getOrDefault("agentId", "");
        long wait = seconds(record.get("waitSeconds"));
        long talk = seconds(record.get("talkSeconds"));
        boolean answered = "ANSWERED".equals(outcome);
        if ("OUTBOUND".equals(record.get("direction"))) {
            if (!agent.isEmpty()) {
                Tally t = tally(period, "agent", agent);
                t.outbound++;
                t.outboundAnswered += answered ? 1 : 0;
            }
            return this;
        }
        String queue = record.getOrDefault("queue", "");
        if (!queue.isEmpty() && (answered || "ABANDONED".equals(outcome))) {
            count(tally(period, "queue", queue), answered, wait, talk);
        }
        if (answered && !agent.isEmpty()) {
            count(tally(period, "agent", agent), true, wait, talk);
        }
        return this;
    }

    /** Rows ordered by period, then queues before agents, then name. */
    public JsonArray rows() {
        JsonArray out = new JsonArray();
        rows.forEach((k, t) -> {
            JsonObject row = new JsonObject().put("period", k.period()).put(k.dimension(), k.name());
            if ("queue".equals(k.dimension())) {
                long counted = t.offered - t.shortAbandoned;
                row.put("offered", t.offered).put("answered", t.answered).put("abandoned", t.abandoned)
                        .put("shortAbandoned", t.shortAbandoned)
                        .put("answerRate15s", ratio(t.answeredInTime, counted))
                        .put("abandonmentRate", ratio(t.abandoned, counted));
            } else {
                row.put("answered", t.answered).put("outbound", t.outbound).put("outboundAnswered", t.outboundAnswered);
            }
            row.put("averageSpeedOfAnswerSeconds", average(t.answerSeconds, t.answered))
                    .put("averageTalkSeconds", average(t.talkSeconds, t.answered))
                    .put("averageHandlingSeconds", t.answered == 0 ? null
                            : average(t.talkSeconds + wrapUpSeconds * t.answered, t.answered));
            out.add(row);
        });
        return out;
    }

    /** The rows as CSV (UTF-8 with BOM for spreadsheet programs), Chinese headers. */
    public String csv() {
        StringBuilder csv = new StringBuilder("\uFEFF时段,维度,名称,呼入量,接通量,放弃量,短时放弃(<5秒),15秒接通率,放弃率,"
                + "平均应答时长(秒),平均通话时长(秒),平均处理时长(秒),外呼量,外呼接通量\n");
        for (Object o : rows()) {
            JsonObject r = (JsonObject) o;
            boolean queue = r.containsKey("queue");
            csv.append(r.getString("period")).append(',').append(queue ? "队列" : "坐席").append(',')
                    .append(queue ? r.getString("queue") : r.getString("agent")).append(',')
                    .append(cell(r, "offered")).append(',').append(cell(r, "answered")).append(',')
                    .append(cell(r, "abandoned")).append(',').append(cell(r, "shortAbandoned")).append(',')
                    .append(cell(r, "answerRate15s")).append(',').append(cell(r, "abandonmentRate")).append(',')
                    .append(cell(r, "averageSpeedOfAnswerSeconds")).append(',').append(cell(r, "averageTalkSeconds")).append(',')
                    .append(cell(r, "averageHandlingSeconds")).append(',').append(cell(r, "outbound")).append(',')
                    .append(cell(r, "outboundAnswered")).append('\n');
        }
        return csv.toString();
    }

    private static String cell(JsonObject row, String field) {
        Object v = row.getValue(field);
        return v == null ? "" : v.toString();
    }

    private void count(Tally t, boolean answered, long wait, long talk) {
        t.offered++;
        if (answered) {
            t.answered++;
            t.answeredInTime += wait <= SERVICE_LEVEL_SECONDS ? 1 : 0;
            t.answerSeconds += wait;
            t.talkSeconds += talk;
        } else if (wait < SHORT_ABANDON_SECONDS) {
            t.shortAbandoned++;
        } else {
            t.abandoned++;
        }
    }

    private Tally tally(String period, String dimension, String name) {
        return rows.computeIfAbsent(new Key(period, dimension, name), k -> new Tally());
    }

    private String bucket(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return by == Period.HOUR ? local.truncatedTo(ChronoUnit.HOURS).toString() : local.toLocalDate().toString();
    }

    private static long seconds(String value) {
        try {
            return value == null || value.isEmpty() ? 0 : Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Double ratio(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(sum * 10.0 / count) / 10.0;
    }
}
