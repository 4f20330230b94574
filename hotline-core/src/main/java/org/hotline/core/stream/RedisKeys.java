package org.hotline.core.stream;

/**
 * Redis keys and streams shared across modules. Every module that reads or writes one of these
 * names it through this class, so docs/architecture.md and the code cannot drift apart.
 */
public final class RedisKeys {

    /** Stream of every ticket event, with the ticket snapshot after it (fields: see docs/architecture.md). */
    public static final String TICKET_EVENTS = "hotline:stream:ticket-events";
    /** Stream of finished call records written by telephony. */
    public static final String CALL_RECORDS = "hotline:stream:call-records";
    /** Sorted set of SLA alarms: member {ticketId}|{clock}|{level}|{dueEpochMs}, score = fire time in epoch ms. */
    public static final String SLA_ALARMS = "hotline:sla:alarms";

    private RedisKeys() {
    }
}
