package org.hotline.core.redis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.hotline.core.stream.RedisKeys;

/**
 * Every Redis key of the ticket store, under one prefix ({@code hotline:} by default). The commit
 * script builds the per-department, per-caller and per-status keys from the same prefix, so the
 * names below and commit-ticket.lua must change together.
 *
 * <p>No hash tags: one transition touches the ticket's keys and the shared stream and alarm set,
 * which can never share one Cluster slot without putting all tickets on one node. The store
 * therefore needs a single Redis primary (standalone or Sentinel), not Redis Cluster.
 *
 * @param prefix       prefix of the store's own keys
 * @param eventStream  the ticket event stream (shared contract, {@link RedisKeys#TICKET_EVENTS})
 * @param slaAlarms    the SLA alarm sorted set (shared contract, {@link RedisKeys#SLA_ALARMS})
 */
public record RedisTicketKeys(String prefix, String eventStream, String slaAlarms) {

    public static final String DEFAULT_PREFIX = "hotline:";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public RedisTicketKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(eventStream, "eventStream");
        Objects.requireNonNull(slaAlarms, "slaAlarms");
    }

    /** The production layout: {@code hotline:} keys and the shared stream and alarm set. */
    public static RedisTicketKeys defaults() {
        return new RedisTicketKeys(DEFAULT_PREFIX, RedisKeys.TICKET_EVENTS, RedisKeys.SLA_ALARMS);
    }

    /**
     * Hash {n: number, v: version, s: snapshot json} plus the index entries written by the
     * ticket's last commit (d: departments, p: phone, st: status, a: alarm members, c: creation
     * epoch ms, sc: inbox score, o: open flag), so that the next commit removes exactly those and
     * skips rewriting what did not change.
     */
    public String ticket(String ticketId) {
        return prefix + "ticket:" + ticketId;
    }

    /**
     * List of the ticket's events, oldest first, each {@code {version}|{type}|{at}|{event.v1 json}}; appended by
     * the commit script next to the stream entry. Tickets committed before the list existed have
     * only their later events in it (or none): {@link RedisTicketHistory} completes them from the stream.
     */
    public String history(String ticketId) {
        return prefix + "events:" + ticketId;
    }

    /** String: readable number to ticket id. */
    public String number(String number) {
        return prefix + "number:" + number;
    }

    /** String with TTL: intake idempotency key to ticket id. */
    public String idempotency(String key) {
        return prefix + "intake:" + key;
    }

    /** Counter of the numbers handed out on a day. */
    public String numberSequence(LocalDate day) {
        return prefix + "number-seq:" + DAY.format(day);
    }

    /** Sorted set of a department's ticket ids, score = inbox score (nearest deadline). */
    public String inbox(String departmentId) {
        return prefix + "inbox:" + departmentId;
    }

    /** Sorted set of a caller's ticket ids, score = creation epoch ms. */
    public String caller(String phone) {
        return prefix + "caller:" + phone;
    }

    /** Sorted set of ticket ids in a status, score = creation epoch ms. */
    public String status(String status) {
        return prefix + "status:" + status;
    }

    /**
     * A dashboard counter key (commit-ticket.lua writes them, {@link RedisDashboardCounters} reads them):
     * {@code open} hash (s:{status} and d:{department} to open tickets), {@code due} and {@code yellow}
     * sorted sets of card deadlines, {@code day:yyyyMMdd} and {@code month:yyyyMM} hashes
     * (channel to tickets received).
     */
    public String dashboard(String name) {
        return prefix + "dash:" + name;
    }

    /** Sorted set of open ticket ids, score = inbox score: the deadline-ordered worklist. */
    public String open() {
        return prefix + "open";
    }
}
