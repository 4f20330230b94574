package org.hotline.dispatch.sla;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.app.TicketService;
import org.hotline.core.catalog.TimeLimitTable;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.port.SlaAlarms;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;

/**
 * Reads the time-limit policy to decide whether an alarm's notification follows the duty calendar:
 * a clock whose limit counts working days (一般 5 个工作日) is a working-time matter, so its
 * warnings and urgings reach the units at the next duty period; a clock counted in hours or minutes
 * (特急 2 小时, 水电气暖 24 小时) runs around the clock and is notified at once. A ticket or clock
 * that cannot be read is notified at once (never hold back what may be urgent).
 */
public final class DutyCalendarTiming implements NotificationTiming {

    private final TicketService tickets;
    private final Supplier<DutyHours> hours;

    /**
     * Duty periods on the working days of the ticket service's current calendar, read at each alarm
     * (administrators may publish a new holiday year at runtime), e.g. {@code DutyHours.OFFICE}.
     */
    public DutyCalendarTiming(TicketService tickets, List<DutyHours.Period> periods) {
        this.tickets = tickets;
        this.hours = () -> new DutyHours(tickets.seed().calendar(), periods);
    }

    /** A fixed duty calendar. */
    public DutyCalendarTiming(TicketService tickets, DutyHours hours) {
        this.tickets = tickets;
        this.hours = () -> hours;
    }

    @Override
    public Future<Instant> deliverAt(SlaAlarmFired alarm, Instant firedAt) {
        Optional<ClockName> clock = clock(alarm.clock());
        if (clock.isEmpty()) {
            return Future.succeededFuture(firedAt);
        }
        return tickets.findById(new TicketId(alarm.ticketId())).map(ticket -> ticket
                .filter(t -> followsDutyCalendar(t, clock.get()))
                .map(t -> hours.get().nextOnDuty(firedAt))
                .orElse(firedAt));
    }

    private boolean followsDutyCalendar(Ticket ticket, ClockName clock) {
        TimeLimitTable table = tickets.seed().timeLimits();
        String category = ticket.category() == null ? null : ticket.category().code();
        return table.limitsFor(ticket.appealType(), ticket.urgency(), category, ticket.channel())
                .limit(clock).map(TimeLimit::countsWorkingDays).orElse(false);
    }

    /** An assisting unit's opinion limit is half the handling limit, in its unit (AssistanceLimits): HANDLE decides. */
    private static Optional<ClockName> clock(String name) {
        try {
            ClockName clock = SlaAlarms.clockOf(name);
            return Optional.of(clock == ClockName.OPINION ? ClockName.HANDLE : clock);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
