package org.hotline.dispatch.history;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Parses and validates one JSON Lines record of a history import. A bad line is a value
 * ({@link Rejected}) with a Chinese reason, never an exception, so one bad line never fails the import.
 */
public final class HistoryLineParser {

    /** Times without an offset are local to the hotline (China Standard Time). */
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final int MAX_TITLE = 500;
    private static final int MAX_CONTENT = 20_000;
    private static final Map<String, String> APPEAL_TYPES = Map.ofEntries(
            Map.entry("咨询", "CONSULTATION"), Map.entry("求助", "HELP"), Map.entry("投诉", "COMPLAINT"),
            Map.entry("举报", "REPORT"), Map.entry("建议", "SUGGESTION"), Map.entry("表扬", "PRAISE"),
            Map.entry("意见建议", "SUGGESTION"), Map.entry("感谢", "PRAISE"));

    /** The outcome of one line. */
    public sealed interface Parsed permits Accepted, Rejected, Blank {
    }

    public record Accepted(HistoryLine line) implements Parsed {
    }

    public record Rejected(int lineNumber, String reason) implements Parsed {
    }

    /** Empty lines are allowed (trailing newline, separators) and neither imported nor rejected. */
    public record Blank() implements Parsed {
    }

    private HistoryLineParser() {
    }

    public static Parsed parse(int lineNumber, String raw) {
        if (raw == null || raw.isBlank()) {
            return new Blank();
        }
        JsonObject json;
        try {
            json = new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            return new Rejected(lineNumber, "不是有效的 JSON 对象");
        }
        try {
            return new Accepted(toLine(lineNumber, json));
        } catch (IllegalArgumentException e) {
            return new Rejected(lineNumber, e.getMessage());
        }
    }

    private static HistoryLine toLine(int lineNumber, JsonObject json) {
        String title = text(json, "title", true, MAX_TITLE);
        String content = text(json, "content", true, MAX_CONTENT);
        String category = text(json, "category", true, 64);
        String appealType = text(json, "appealType", false, 20);
        return new HistoryLine(lineNumber, title, content, category, text(json, "department", false, 200),
                text(json, "district", false, 100), appealType == null ? null : appealType(appealType),
                instant(json, "receivedAt"), instant(json, "closedAt"));
    }

    private static String text(JsonObject json, String field, boolean required, int max) {
        Object value = json.getValue(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                throw new IllegalArgumentException("缺少必填字段 " + field);
            }
            return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
            throw new IllegalArgumentException("字段 " + field + " 应为字符串");
        }
        String text = String.valueOf(value).strip();
        if (text.length() > max) {
            throw new IllegalArgumentException("字段 " + field + " 超过 " + max + " 个字符");
        }
        return text;
    }

    private static String appealType(String value) {
        String known = APPEAL_TYPES.get(value);
        if (known != null) {
            return known;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return APPEAL_TYPES.containsValue(upper) ? upper : null; // unknown types are kept out, not fatal
    }

    /** ISO instant, ISO local date-time, "yyyy-MM-dd HH:mm:ss" or a date (local midnight). */
    private static Instant instant(JsonObject json, String field) {
        String value = text(json, field, false, 40);
        if (value == null) {
            return null;
        }
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(LOCAL).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(LOCAL).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("字段 " + field + " 不是有效的时间: " + value);
        }
    }
}
