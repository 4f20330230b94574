package org.hotline.core.model;

import java.util.regex.Pattern;

/** The readable ticket number people quote on the phone, e.g. {@code 12345-20261122-000123}. */
public record TicketNumber(String value) {

    /** Compiled once: ids are checked on every snapshot read, a hot path at intake rates. */
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{1,10}-\\d{8}-\\d{6,}");

    public TicketNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a ticket number looks like 12345-20261122-000123");
        }
    }

    /** Whether {@code text} has the shape of a ticket number (so it is looked up as one, not as an id). */
    public static boolean looksLikeOne(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
