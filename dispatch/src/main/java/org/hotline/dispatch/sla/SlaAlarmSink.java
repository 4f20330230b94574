package org.hotline.dispatch.sla;

import io.vertx.core.Future;

/**
 * Where a fired alarm goes: in the server, a TicketService command recording the yellow warning
 * or red overdue event and escalating the urging ladder. Must be idempotent by
 * {@link SlaAlarmFired#member()}: after a crash mid-firing, the same alarm may be handed over again.
 * A failed future leaves the alarm leased; it is retried when the lease expires.
 */
@FunctionalInterface
public interface SlaAlarmSink {

    Future<Void> fire(SlaAlarmFired alarm);
}
