package org.hotline.core.port;

import java.util.Objects;
import java.util.Set;

/**
 * Where a ticket must be findable after a commit. The store replaces the ticket's previous
 * entries with these, atomically with the commit.
 *
 * @param departments   departments whose inbox lists the ticket (lead, assisting, sub-units); empty when none
 * @param inboxScore    sort key in the inboxes, normally the nearest deadline in epoch ms
 * @param callerPhone   the caller's phone number for the caller-history index, or null
 * @param open          whether the ticket is in a non-terminal state (open-tickets index)
 * @param status        current status name, for the per-status index
 * @param alarms        SLA alarms that must be armed after the commit (all others of the ticket are removed)
 * @param dashboard     the ticket's share of the dashboard counters, or null to leave the counters alone
 */
public record TicketIndexes(
        Set<String> departments, double inboxScore, String callerPhone, boolean open, String status,
        Set<SlaAlarm> alarms, DashboardMarks dashboard) {

    /** Indexes that leave the dashboard counters alone (stores and tests that do not count). */
    public TicketIndexes(Set<String> departments, double inboxScore, String callerPhone, boolean open, String status,
                         Set<SlaAlarm> alarms) {
        this(departments, inboxScore, callerPhone, open, status, alarms, null);
    }

    public TicketIndexes {
        departments = Set.copyOf(Objects.requireNonNull(departments, "departments"));
        alarms = Set.copyOf(Objects.requireNonNull(alarms, "alarms"));
        Objects.requireNonNull(status, "status");
    }
}
