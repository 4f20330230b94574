package org.hotline.telephony;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One AMI event as plain text fields, independent of Asterisk-Java, so that the call logic can be
 * tested from recorded event text. Field names are lower case ({@code linkedid}, {@code membername}).
 */
public record AmiEvent(String name, Map<String, String> fields) {

    public AmiEvent {
        name = name.toLowerCase(Locale.ROOT);
        fields = Map.copyOf(fields);
    }

    /** Parses the wire form: {@code Event: Hangup} followed by {@code Key: Value} lines. */
    public static AmiEvent parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String name = fields.remove("event");
        if (name == null) {
            throw new IllegalArgumentException("not an AMI event: no Event line");
        }
        return new AmiEvent(name, fields);
    }

    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean is(String eventName) {
        return name.equalsIgnoreCase(eventName);
    }

    /** The call this event belongs to: Asterisk's linked id, shared by every channel of one call. */
    public String callId() {
        String linked = get("linkedid");
        return linked.isEmpty() ? get("uniqueid") : linked;
    }

    /** When Asterisk raised the event (manager.conf timestampevents), else {@code fallback}. */
    public java.time.Instant at(java.time.Instant fallback) {
        String value = get("timestamp");
        try {
            return value.isEmpty() ? fallback
                    : java.time.Instant.ofEpochMilli(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    public long seconds(String field) {
        String value = get(field);
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
