package org.hotline.linkage110;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.linkage110.transfer.PoliceOrder;
import org.hotline.linkage110.transfer.PoliceOrderIntake;

/**
 * The intake as the tests see it: one ticket per transferId, as the port's contract demands of the
 * real TicketService adapter.
 */
final class RecordingIntake implements PoliceOrderIntake {

    final Map<String, PoliceOrder> orders = new ConcurrentHashMap<>();
    final Map<String, String> tickets = new ConcurrentHashMap<>();

    @Override
    public Future<String> accept(PoliceOrder order) {
        orders.putIfAbsent(order.transferId(), order);
        return Future.succeededFuture(tickets.computeIfAbsent(order.transferId(), id -> "ticket-" + id));
    }
}
