package org.hotline.core.time;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The card an inbox row shows, and so the one the dashboard counts: the running clock due first
 * decides (a SIGN clock past due is red even while HANDLE has days left). Stopped clocks, clocks
 * paused before their deadline (no {@code dueAt} yet) and the return window never show a card.
 * The console's deadlines.js applies the same rule to the clocks of a ticket view.
 *
 * @param clock    the deciding clock
 * @param dueAt    red from this instant on
 * @param yellowAt yellow from this instant on (at most {@code dueAt}; the deadline when the limit has no yellow time)
 */
public record InboxCard(ClockName clock, Instant dueAt, Instant yellowAt) {

    public InboxCard {
        if (yellowAt == null || yellowAt.isAfter(dueAt)) {
            yellowAt = dueAt;
        }
    }

    /** The card of a ticket whose clocks compute to {@code clocks}, empty when no clock can show one. */
    public static Optional<InboxCard> of(Map<ClockName, ClockStatus> clocks) {
        InboxCard nearest = null;
        for (var entry : clocks.entrySet()) {
            ClockStatus c = entry.getValue();
            if (entry.getKey() == ClockName.RETURN_WINDOW || c.stoppedAt() != null || c.dueAt() == null) {
                continue;
            }
            if (nearest == null || c.dueAt().isBefore(nearest.dueAt())) {
                nearest = new InboxCard(entry.getKey(), c.dueAt(), c.yellowAt());
            }
        }
        return Optional.ofNullable(nearest);
    }

    public boolean red(Instant now) {
        return !dueAt.isAfter(now);
    }

    public boolean yellow(Instant now) {
        return !red(now) && !yellowAt.isAfter(now);
    }
}
