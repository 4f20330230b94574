package org.hotline.dispatch.sla;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * When the notification of a fired alarm goes out. The alarm itself fires at its due time (the
 * sink records it on the ticket, the deadline does not move); only the event-bus notification may
 * wait, e.g. for the next duty period.
 */
@FunctionalInterface
public interface NotificationTiming {

    /** The instant to notify at; {@code firedAt} (or earlier) means at once. */
    Future<Instant> deliverAt(SlaAlarmFired alarm, Instant firedAt);

    static NotificationTiming immediate() {
        return (alarm, firedAt) -> Future.succeededFuture(firedAt);
    }
}
