package org.hotline.dispatch.sla;

import io.vertx.core.Future;
import java.time.Instant;
import org.hotline.core.app.TicketService;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.SlaLevel;
import org.hotline.core.model.TicketId;
import org.hotline.core.port.SlaAlarms;
import org.hotline.core.time.ClockName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires SLA alarms into the ticket lifecycle: records the yellow warning or the red overdue event;
 * the domain climbs the urging ladder (催办 → 督办 → 通报) in the same commit as the red card, so a
 * node dying in between cannot skip the urge. An alarm the ticket
 * refuses (clock stopped, paused or moved, ticket gone) is stale and counts as handled. So does an
 * alarm the ticket already recorded for the same deadline ({@code ticket.sla-already-recorded}): a
 * scheduler killed between the ticket commit and its "fired" marker redelivers it, and the refusal
 * keeps the warning and the automatic urge from being recorded twice.
 */
public final class TicketServiceSlaSink implements SlaAlarmSink {

    private static final Logger LOG = LoggerFactory.getLogger(TicketServiceSlaSink.class);
    private static final Actor SCHEDULER = Actor.system("sla-scheduler");

    private final TicketService tickets;

    public TicketServiceSlaSink(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public Future<Void> fire(SlaAlarmFired alarm) {
        ClockName clock;
        SlaLevel level;
        try {
            clock = SlaAlarms.clockOf(alarm.clock());
            level = SlaLevel.valueOf(alarm.level());
        } catch (IllegalArgumentException unknown) {
            LOG.error("sla alarm with unknown clock or level dropped [ticket={}, clock={}, level={}]",
                    alarm.ticketId(), alarm.clock(), alarm.level());
            return Future.succeededFuture();
        }
        TicketId id = new TicketId(alarm.ticketId());
        Command record = new Command.RecordSlaWarning(clock, level, Instant.ofEpochMilli(alarm.dueEpochMs()),
                SlaAlarms.assistingUnitOf(alarm.clock()).orElse(null));
        return tickets.apply(id, record, SCHEDULER)
                .map(ticket -> (Object) ticket)
                .recover(failure -> stale(failure, alarm))
                .mapEmpty();
    }

    private static Future<Object> stale(Throwable failure, SlaAlarmFired alarm) {
        if (failure instanceof HotlineException e
                && (e.kind() == ErrorKind.REJECTED || e.kind() == ErrorKind.NOT_FOUND)) {
            LOG.info("stale sla alarm ignored [ticket={}, clock={}, level={}, code={}]",
                    alarm.ticketId(), alarm.clock(), alarm.level(), e.code());
            return Future.succeededFuture();
        }
        return Future.failedFuture(failure); // unavailable: the lease expires and the alarm is retried
    }
}
