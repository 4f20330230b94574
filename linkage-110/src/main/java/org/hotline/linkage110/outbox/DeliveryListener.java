package org.hotline.linkage110.outbox;

import io.vertx.core.Future;

/** Told when an outbox message reached the peer or was given up, to update the transfer's status. */
public interface DeliveryListener {

    Future<Void> delivered(OutboxMessage message);

    Future<Void> parked(OutboxMessage message, String reason);
}
