package org.hotline.search.dashboard;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.search.index.StreamIndexer;

/**
 * The live dashboard's numbers, computed once per node per tick and published to every connected
 * dashboard (each SSE connection listens on {@link #ADDRESS}): a refresh when the indexer indexed
 * changes (at most once per {@code throttleMs}) and every {@code tickMs} so cards turn yellow and red
 * as time passes. Nothing is computed while no dashboard is connected. Each message is a whole
 * server-sent event, encoded once for all connections.
 */
public final class DashboardFeed {

    /** Local event-bus address of the encoded events. */
    public static final String ADDRESS = "hotline.dashboard.events";
    static final String UNAVAILABLE = "event: unavailable\ndata: {}\n\n";

    private final Vertx vertx;
    private final DashboardSummary summary;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Context context;
    private final Throttle throttle;
    private final MessageConsumer<Integer> indexed;
    private final long tick;
    private volatile String latest;

    public DashboardFeed(Vertx vertx, DashboardSummary summary, long throttleMs, long tickMs) {
        this.vertx = vertx;
        this.summary = summary;
        // one context owns the throttle, its timers and the indexer notifications
        this.context = vertx.getOrCreateContext();
        this.throttle = new Throttle(vertx, throttleMs, this::refresh);
        this.indexed = vertx.eventBus().consumer(StreamIndexer.INDEXED_ADDRESS, m -> requestIfWatched());
        this.tick = vertx.setPeriodic(tickMs, id -> requestIfWatched());
    }

    /** A dashboard connected: the latest event for it right away (computed now only for the first one). */
    public Future<String> subscribe() {
        subscribers.incrementAndGet();
        String known = latest;
        return known != null ? Future.succeededFuture(known) : encode().onSuccess(event -> latest = event);
    }

    public void unsubscribe() {
        subscribers.decrementAndGet();
    }

    private void requestIfWatched() {
        if (subscribers.get() > 0) {
            throttle.request();
        } else {
            latest = null;
        }
    }

    private void refresh() {
        encode().onSuccess(event -> {
            latest = event;
            vertx.eventBus().publish(ADDRESS, event);
        });
    }

    private Future<String> encode() {
        return summary.compute().map(json -> "event: summary\ndata: " + json.encode() + "\n\n")
                .otherwise(UNAVAILABLE);
    }

    public Future<Void> close() {
        context.runOnContext(v -> {
            vertx.cancelTimer(tick);
            throttle.cancel();
        });
        return indexed.unregister();
    }
}
