package org.hotline.core.port;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a ticket adds to the supervisor dashboard's counters, kept by the store in the same atomic
 * commit as the ticket (see {@link DashboardCounters}): the department its open ticket counts for,
 * the channel and local day of its intake, and the handling clock's card deadlines while a card can show.
 *
 * @param leadDepartment the lead department, or null when none is assigned yet
 * @param channel        intake channel name
 * @param receivedDay    the local day the ticket was received (the dashboard's time zone)
 * @param cardDueEpochMs the handling deadline while the ticket can show a yellow/red card (open, not replied), else -1
 * @param cardYellowEpochMs when its yellow card shows: at most the deadline (no yellow time: the deadline), -1 without a deadline
 */
public record DashboardMarks(String leadDepartment, String channel, LocalDate receivedDay,
                             long cardDueEpochMs, long cardYellowEpochMs) {

    public DashboardMarks {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedDay, "receivedDay");
        if (cardDueEpochMs < 0) {
            cardYellowEpochMs = -1;
        } else if (cardYellowEpochMs < 0 || cardYellowEpochMs > cardDueEpochMs) {
            // never yellow (or a yellow time after the deadline, when the card is already red): counted as
            // "yellow from the deadline on", so yellow cards = yellow time passed minus deadline passed
            cardYellowEpochMs = cardDueEpochMs;
        }
    }
}
