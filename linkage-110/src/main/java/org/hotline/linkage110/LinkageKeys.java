package org.hotline.linkage110;

/** Redis keys owned by the 110 linkage (all under {@code hotline:linkage110:}). */
public final class LinkageKeys {

    public static final String PREFIX = "hotline:linkage110:";
    /** Hash version -> transfer list JSON, one per direction. */
    public static String list(String direction) {
        return PREFIX + "lists:" + direction;
    }
    /** Hash of one transfer's visible state. */
    public static String transfer(String transferId) {
        return PREFIX + "transfer:" + transferId;
    }
    /** Sorted set of transfer ids by creation time (score = epoch ms). */
    public static final String TRANSFERS = PREFIX + "transfers";
    /** The first 12345 → 110 transfer of a ticket (SETNX: one push per ticket). */
    public static String outgoingOfTicket(String ticketId) {
        return ticketTransfer(ticketId) + ":outgoing";
    }

    /** String ticketId -> transferId of an incoming police order. */
    public static String ticketTransfer(String ticketId) {
        return PREFIX + "ticket-transfer:" + ticketId;
    }
    /** Durable outbox stream, read by the consumer group {@link #OUTBOX_GROUP}. */
    public static final String OUTBOX = PREFIX + "outbox";
    public static final String OUTBOX_GROUP = "linkage110-outbox";
    /** Sorted set of outbox entry ids waiting for a retry (score = epoch ms when due). */
    public static final String OUTBOX_DUE = PREFIX + "outbox:due";
    /** Hash outbox entry id -> attempts made so far. */
    public static final String OUTBOX_ATTEMPTS = PREFIX + "outbox:attempts";
    /** Stream of messages given up after too many attempts or a permanent refusal (poison). */
    public static final String OUTBOX_PARKED = PREFIX + "outbox:parked";
    /** Stream of transfers a dispatcher must look at (rejected by 110, or undeliverable). */
    public static final String DISPATCHER_QUEUE = PREFIX + "dispatcher-queue";
    /** Hash of counters for the statistics API. */
    public static final String STATS = PREFIX + "stats";
    public static String nonce(String party, String nonce) {
        return PREFIX + "nonce:" + party + ":" + nonce;
    }
    public static String idempotency(String party, String key) {
        return PREFIX + "idem:" + party + ":" + key;
    }
    public static String call(String callId) {
        return PREFIX + "call:" + callId;
    }

    private LinkageKeys() {
    }
}
