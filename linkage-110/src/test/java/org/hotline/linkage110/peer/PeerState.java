package org.hotline.linkage110.peer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulated 110 platform has seen and done, for the tests to inspect via /admin/state. */
final class PeerState {

    final PeerSigning signing;
    volatile String mode = "NORMAL";
    volatile long delayMs;
    volatile String hotlineUrl;
    /** Effective orders by idempotency key: applied once each. */
    final Map<String, JsonObject> orders = new ConcurrentHashMap<>();
    /** How many times each idempotency key arrived with a valid signature (duplicates included). */
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    /** Effective updates from 12345 (acks, results of police orders) by idempotency key. */
    final Map<String, JsonObject> updates = new ConcurrentHashMap<>();
    /** Every request that reached the exchange port, whatever happened to it. */
    final AtomicInteger hits = new AtomicInteger();
    /** Answers 12345 gave to the peer's own requests. */
    final List<JsonObject> sent = new CopyOnWriteArrayList<>();
    volatile JsonObject lastRequest;
    /** Grows on every reset, so a request delayed before a reset does not leak into the next test. */
    final AtomicInteger epoch = new AtomicInteger();

    PeerState(PeerSigning signing) {
        this.signing = signing;
    }

    void reset() {
        epoch.incrementAndGet();
        mode = "NORMAL";
        delayMs = 0;
        orders.clear();
        deliveries.clear();
        updates.clear();
        hits.set(0);
        sent.clear();
        lastRequest = null;
    }

    JsonObject toJson() {
        JsonObject counts = new JsonObject();
        deliveries.forEach((key, count) -> counts.put(key, count.get()));
        return new JsonObject().put("mode", mode).put("hits", hits.get())
                .put("orders", new JsonArray(List.copyOf(orders.values())))
                .put("deliveries", counts)
                .put("updates", new JsonArray(List.copyOf(updates.values())))
                .put("sent", new JsonArray(List.copyOf(sent)));
    }
}
