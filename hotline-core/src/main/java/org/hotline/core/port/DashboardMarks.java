package org.hotline.core.port;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a ticket adds to the supervisor dashboard's counters, kept by the store in the same atomic
 * commit as the ticket (see {@link DashboardCounters}): the department its open ticket counts for,
 * the channel and local day of its intake, and the card its inbox rows show
 * ({@link org.hotline.core.time.InboxCard}) while it is in an inbox.
 *
 * @param leadDepartment    the lead department, or null when none is assigned yet
 * @param channel           intake channel name
 * @param receivedDay       the local day the ticket was received (the dashboard's time zone)
 * @param cardDueEpochMs    the deciding clock's deadline while the ticket can show a yellow/red card in an inbox, else -1
 * @param cardYellowEpochMs when its yellow card shows: at most the deadline (no yellow time: the deadline), -1 without a deadline
 * @param cardClock         the deciding clock's name, null without a card
 * @param cardDepartments   the departments whose inbox shows the card (sorted; empty without a card)
 */
public record DashboardMarks(String leadDepartment, String channel, LocalDate receivedDay,
                             long cardDueEpochMs, long cardYellowEpochMs, String cardClock, Set<String> cardDepartments) {

    public DashboardMarks {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedDay, "receivedDay");
        if (cardDueEpochMs < 0) {
            cardYellowEpochMs = -1;
            cardClock = null;
            cardDepartments = Set.of();
        } else if (cardYellowEpochMs < 0 || cardYellowEpochMs > cardDueEpochMs) {
            // never yellow (or a yellow time after the deadline, when the card is already red): counted as
            // "yellow from the deadline on", so yellow cards = yellow time passed minus deadline passed
            cardYellowEpochMs = cardDueEpochMs;
        }
        cardDepartments = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(cardDepartments));
    }

    /** The dashboard scopes the card counts in: {@code c:{clock}} and {@code d:{department}} for each inbox. */
    public Set<String> cardScopes() {
        Set<String> scopes = new TreeSet<>();
        if (cardClock != null) {
            scopes.add("c:" + cardClock);
            cardDepartments.forEach(d -> scopes.add("d:" + d));
        }
        return scopes;
    }
}
