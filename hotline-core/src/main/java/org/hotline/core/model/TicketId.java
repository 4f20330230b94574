package org.hotline.core.model;

/** A ticket's internal id (opaque, URL-safe). */
public record TicketId(String value) {

    public TicketId {
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a ticket id is 1-64 characters of [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
