package org.hotline.core.model;

/** The readable ticket number people quote on the phone, e.g. {@code 12345-20261122-000123}. */
public record TicketNumber(String value) {

    public TicketNumber {
        if (value == null || !value.matches("[0-9A-Z]{1,10}-\\d{8}-\\d{6,}")) {
            throw new IllegalArgumentException("a ticket number looks like 12345-20261122-000123");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
