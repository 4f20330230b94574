package org.hotline.search.index;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.port.TicketSearch;
import org.hotline.testsupport.RealRedis;

/** A real Redis, an indexer verticle on a backend, and helpers to write stream entries like the core store. */
final class IndexerHarness implements AutoCloseable {

    final Vertx vertx;
    final RedisClient client = RedisClient.create(RealRedis.shared().uri());
    final StatefulRedisConnection<String, String> writer = client.connect();
    final String prefix;
    private final AtomicLong indexed = new AtomicLong();
    private Promise<Void> waiting;
    private long waitingFor;

    IndexerHarness(Vertx vertx, String prefix) {
        this.vertx = vertx;
        this.prefix = prefix;
        writer.sync().del(RedisKeys.TICKET_EVENTS, RedisKeys.CALL_RECORDS, StreamEntries.HISTORY_IMPORT, Parking.PARKED);
        vertx.eventBus().<Integer>consumer(StreamIndexer.INDEXED_ADDRESS, m -> {
            long total = indexed.addAndGet(m.body());
            if (waiting != null && total >= waitingFor) {
                waiting.tryComplete();
            }
        });
    }

    SearchConfig config(Path dir) {
        return new SearchConfig(java.util.List.of(), prefix, dir, java.time.ZoneId.of("Asia/Shanghai"),
                java.time.Duration.ofSeconds(5), 0.8, "search-" + prefix, "test-1", 100, java.time.Duration.ofMillis(200));
    }

    String deploy(TicketSearch search, SearchConfig config) {
        var entries = new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER);
        return await(vertx.deployVerticle(new StreamIndexer(search, client.connect(), entries, config)));
    }

    void event(TicketSnapshot snapshot, String type) {
        String snapshotJson = snapshot.json();
        var doc = TicketSnapshot.SNAPSHOTS.parse(snapshotJson);
        writer.sync().xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", doc.id(), "number", String.valueOf(doc.number()),
                "version", Long.toString(doc.version()), "type", type, "at", doc.at().received().toString(),
                "event", "{\"type\":\"" + type + "\"}", "ticket", snapshotJson));
    }

    /** A lean entry (no snapshot), the ticket's current snapshot in its hash as core's commit writes it. */
    void leanEvent(TicketSnapshot snapshot, String type) {
        var doc = TicketSnapshot.SNAPSHOTS.parse(snapshot.json());
        writer.sync().hset(org.hotline.core.redis.RedisTicketKeys.defaults().ticket(doc.id()), "s", snapshot.json());
        writer.sync().xadd(RedisKeys.TICKET_EVENTS, Map.of("ticketId", doc.id(), "number", String.valueOf(doc.number()),
                "version", Long.toString(doc.version()), "type", type, "at", doc.at().received().toString(),
                "event", "{\"type\":\"" + type + "\"}"));
    }

    void raw(String stream, Map<String, String> fields) {
        writer.sync().xadd(stream, fields);
    }

    /** Completes once the indexer reported at least {@code total} handled entries in all. */
    void awaitIndexed(long total) {
        Promise<Void> promise = Promise.promise();
        vertx.runOnContext(v -> {
            waiting = promise;
            waitingFor = total;
            if (indexed.get() >= total) {
                promise.tryComplete();
            }
        });
        await(promise.future());
    }

    /** Waits until the group acknowledged every entry it was given (Lucene: after its next commit). */
    void awaitNothingPending(String group) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> writer.sync().xpending(RedisKeys.TICKET_EVENTS, group).getCount() == 0);
    }

    long indexedSoFar() {
        return indexed.get();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        writer.close();
        client.shutdown();
    }
}
