package org.hotline.core.model;

import java.util.regex.Pattern;

/** A ticket's internal id (opaque, URL-safe). */
public record TicketId(String value) {

    /** Compiled once: ids are checked on every snapshot read, a hot path at intake rates. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TicketId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a ticket id is 1-64 characters of [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
