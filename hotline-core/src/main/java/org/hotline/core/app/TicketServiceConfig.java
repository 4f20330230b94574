package org.hotline.core.app;

/**
 * Settings of the ticket service.
 *
 * @param conflictRetries how often a command is re-decided on a fresh read after a concurrent change; default 3
 * @param maxPage         largest page of tickets read at once; default 200
 */
public record TicketServiceConfig(int conflictRetries, int maxPage) {

    public TicketServiceConfig {
        if (conflictRetries < 0 || conflictRetries > 20) {
            throw new IllegalArgumentException("conflictRetries must be 0..20, was " + conflictRetries);
        }
        if (maxPage < 1 || maxPage > 1000) {
            throw new IllegalArgumentException("maxPage must be 1..1000, was " + maxPage);
        }
    }

    public static TicketServiceConfig defaults() {
        return new TicketServiceConfig(3, 200);
    }
}
