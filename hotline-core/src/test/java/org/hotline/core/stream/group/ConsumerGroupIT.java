package org.hotline.core.stream.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.StreamTrimmer;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one consumer-group mechanism on real Redis: acknowledgement, redelivery, poison, claim, typed ticket events. */
class ConsumerGroupIT {

    private final Vertx vertx = Vertx.vertx();
    private final String stream = "test:stream:" + UUID.randomUUID();
    private final String parkedStream = stream + ":parked";
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> sync;

    @BeforeEach
    void connect() {
        connection = await(RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/12")).connect());
        sync = connection.sync();
    }

    @AfterEach
    void stop() {
        sync.del(stream, parkedStream);
        await(vertx.close());
    }

    private GroupSettings settings(String consumer) {
        return GroupSettings.of("g", consumer, stream, true).page(3).idle(Duration.ofMillis(20))
                .claimIdle(Duration.ofMillis(300)).parkedIn(parkedStream);
    }

    private List<String> append(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sync.xadd(stream, Map.of("n", "e-" + i));
            values.add("e-" + i);
        }
        return values;
    }

    private void awaitNothingPending(ConsumerGroup<?> group) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> await(group.pending()) == 0 && sync.xlen(stream) > 0);
    }

    @Test
    void aFailedBatchIsNotAcknowledgedAndIsHandledAgainUntilItSucceeds() {
        List<String> written = append(7);
        AtomicInteger calls = new AtomicInteger();
        var group = ConsumerGroup.entries(connection.async(), settings("node-1"), batch -> {
            if (calls.incrementAndGet() <= 2) {
                return Future.failedFuture(new IllegalStateException("backend down"));
            }
            batch.forEach(e -> handled.add(e.fields().get("n")));
            return Future.succeededFuture(Handled.all());
        });
        await(vertx.deployVerticle(group));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 7 && await(group.pending()) == 0);

        assertThat(handled).containsExactlyElementsOf(written);
        assertThat(group.stats().failedRounds()).isEqualTo(2);
        assertThat(group.stats().handled()).isEqualTo(7);
    }

    @Test
    void aBatchIsAcknowledgedOnlyOnceItsEffectsAreDurableWhileReadingGoesOn() {
        List<String> written = append(7);
        List<Promise<Void>> syncs = Collections.synchronizedList(new ArrayList<>());
        var group = ConsumerGroup.entries(connection.async(), settings("node-1"), batch -> {
            batch.forEach(e -> handled.add(e.fields().get("n")));
            Promise<Void> sync = Promise.promise();
            syncs.add(sync);
            return Future.succeededFuture(Handled.all().durableWhen(sync.future()));
        });
        await(vertx.deployVerticle(group));
        // three pages of 3, 3 and 1 handled, none of them durable yet: all seven stay pending
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 7);
        assertThat(handled).containsExactlyElementsOf(written);
        assertThat(await(group.pending())).isEqualTo(7);

        synchronized (syncs) {
            syncs.forEach(Promise::complete);
        }
        awaitNothingPending(group);
        assertThat(group.stats().handled()).isEqualTo(7);
    }

    @Test
    void aBatchWhoseEffectsNeverBecameDurableIsHandledAgain() {
        List<String> written = append(3);
        List<Promise<Void>> syncs = Collections.synchronizedList(new ArrayList<>());
        var group = ConsumerGroup.entries(connection.async(), settings("node-1"), batch -> {
            batch.forEach(e -> handled.add(e.fields().get("n")));
            Promise<Void> sync = Promise.promise();
            syncs.add(sync);
            return Future.succeededFuture(Handled.all().durableWhen(sync.future()));
        });
        await(vertx.deployVerticle(group));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> syncs.size() >= 1);
        syncs.get(0).fail(new IllegalStateException("disk full"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> syncs.size() >= 2);
        syncs.get(1).complete();
        awaitNothingPending(group);

        List<String> twice = new ArrayList<>(written);
        twice.addAll(written);
        assertThat(handled).containsExactlyElementsOf(twice);
    }

    @Test
    void entriesTheReaderCannotReadOrTheHandlerRefusesAreParkedWithTheReasonAndAcknowledged() {
        sync.xadd(stream, Map.of("n", "good"));
        sync.xadd(stream, Map.of("n", "unreadable"));
        String refused = sync.xadd(stream, Map.of("n", "refused"));
        var group = new ConsumerGroup<String>(connection.async(), settings("node-1"), entry -> {
            if (entry.fields().get("n").equals("unreadable")) {
                throw new IllegalArgumentException("no such shape");
            }
            return entry.id() + "|" + entry.fields().get("n");
        }, batch -> {
            List<Handled.Poison> poison = new ArrayList<>();
            for (String e : batch) {
                String[] parts = e.split("\\|");
                if (parts[1].equals("refused")) {
                    poison.add(new Handled.Poison(parts[0], "backend refused it"));
                } else {
                    handled.add(parts[1]);
                }
            }
            return Future.succeededFuture(Handled.parking(poison));
        });
        await(vertx.deployVerticle(group));
        awaitNothingPending(group);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.stats().handled() == 3);

        var parked = sync.xrange(parkedStream, Range.create("-", "+"));
        assertThat(handled).containsExactly("good");
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0).getBody()).containsEntry("stream", stream).containsEntry("group", "g");
        assertThat(parked.get(0).getBody().get("error")).contains("no such shape");
        assertThat(parked.get(1).getBody()).containsEntry("entryId", refused).containsEntry("error", "backend refused it");
        assertThat(group.stats().parked()).isEqualTo(2);
    }

    @Test
    void entriesADeadConsumerLeftUnacknowledgedAreHandledOnceBySurvivors() {
        sync.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), "g", XGroupCreateArgs.Builder.mkstream());
        List<String> written = append(7);
        assertThat(sync.xreadgroup(Consumer.from("g", "dead-node"), XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.lastConsumed(stream))).hasSize(7);

        BatchHandler<StreamEntry> recording = batch -> {
            batch.forEach(e -> handled.add(e.fields().get("n")));
            return Future.succeededFuture(Handled.all());
        };
        var first = ConsumerGroup.entries(connection.async(), settings("survivor-1"), recording);
        var second = ConsumerGroup.entries(connection.async(), settings("survivor-2"), recording);
        await(vertx.deployVerticle(first));
        await(vertx.deployVerticle(second));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 7 && await(first.pending()) == 0);

        synchronized (handled) {
            assertThat(handled).containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(first.stats().claimed() + second.stats().claimed()).isEqualTo(7);
    }

    @Test
    void theStreamIsTrimmedOnlyBelowWhatEveryGroupHasAcknowledged() {
        sync.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), "slow", XGroupCreateArgs.Builder.mkstream());
        append(10);
        List<String> ids = sync.xrange(stream, Range.create("-", "+")).stream().map(m -> m.getId()).toList();
        // the slow group has been given four entries and acknowledged none of them yet
        sync.xreadgroup(Consumer.from("slow", "s-1"), XReadArgs.Builder.count(4), XReadArgs.StreamOffset.lastConsumed(stream));
        var fast = ConsumerGroup.entries(connection.async(), settings("node-1").trimAfter(Duration.ZERO), batch -> {
            batch.forEach(e -> handled.add(e.fields().get("n")));
            return Future.succeededFuture(Handled.all());
        });
        await(vertx.deployVerticle(fast));
        awaitAllHandled(fast, 10);

        sync.xack(stream, "slow", ids.get(0), ids.get(1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sync.xlen(stream) == 8);
        assertThat(remaining()).as("the slow group's pending and undelivered entries stay").isEqualTo(ids.subList(2, 10));

        sync.xack(stream, "slow", ids.get(2), ids.get(3));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sync.xlen(stream) == 7);
        assertThat(remaining()).as("trimmed up to the slow group's last delivered entry, never past it")
                .isEqualTo(ids.subList(3, 10));
        assertThat(fast.trimmed()).isEqualTo(3);
    }

    @Test
    void aGroupWithAGraceTimeTrimsNothingYounger() {
        append(5);
        var group = ConsumerGroup.entries(connection.async(), settings("node-1").trimAfter(Duration.ofHours(1)), batch -> {
            batch.forEach(e -> handled.add(e.fields().get("n")));
            return Future.succeededFuture(Handled.all());
        });
        await(vertx.deployVerticle(group));
        awaitAllHandled(group, 5);
        long trimmed = await(Future.fromCompletionStage(
                new StreamTrimmer(connection.async(), Duration.ofHours(1)).trim(stream, Instant.now())));
        assertThat(trimmed).isZero();
        assertThat(sync.xlen(stream)).isEqualTo(5);
        long all = await(Future.fromCompletionStage(
                new StreamTrimmer(connection.async(), Duration.ZERO).trim(stream, Instant.now())));
        assertThat(all).as("all acknowledged but the last delivered entry").isEqualTo(4);
    }

    @Test
    void aGroupTrimsOnlyItsFeedAndKeepsItsOtherStreamsWhole() {
        String records = stream + ":records";
        append(5);
        for (int i = 0; i < 5; i++) {
            sync.xadd(records, Map.of("n", "r" + i));
        }
        var group = ConsumerGroup.entries(connection.async(),
                settings("node-1").streams(List.of(stream, records)).trimAfter(Duration.ZERO).trimming(stream), batch -> {
                    batch.forEach(e -> handled.add(e.fields().get("n")));
                    return Future.succeededFuture(Handled.all());
                });
        await(vertx.deployVerticle(group));
        awaitAllHandled(group, 10);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sync.xlen(stream) == 1);
        assertThat(sync.xlen(records)).as("a stream that is the only copy of its records is never trimmed").isEqualTo(5);
    }

    private void awaitAllHandled(ConsumerGroup<?> group, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> handled.size() == count && await(group.pending()) == 0);
    }

    private List<String> remaining() {
        return sync.xrange(stream, Range.create("-", "+")).stream().map(m -> m.getId()).toList();
    }

    @Test
    void ticketEventEntriesReachTheHandlerTypedAndUnknownTypesAreParked() {
        String events = RedisKeys.TICKET_EVENTS;
        sync.del(events, GroupSettings.DEFAULT_PARKED);
        String snapshot = "{\"schema\":\"ticket.v1\",\"id\":\"t-1\",\"number\":\"12345-20261207-000001\",\"version\":2,"
                + "\"status\":\"CLASSIFIED\",\"channel\":\"WEB\",\"title\":\"路灯不亮\",\"location\":{\"district\":\"东城区\"},"
                + "\"category\":{\"code\":\"0101\",\"name\":\"路灯\",\"path\":\"市政/路灯\"}}";
        String id = sync.xadd(events, Map.of("ticketId", "t-1", "number", "12345-20261207-000001", "version", "2",
                "type", "TicketClassified", "at", "2026-12-07T10:00:00Z", "event", "{\"reason\":\"自动分类\"}", "ticket", snapshot));
        sync.xadd(events, Map.of("ticketId", "t-1", "version", "3", "type", "TicketTeleported", "at", "2026-12-07T10:00:01Z",
                "ticket", snapshot));
        List<TicketEventEntry> seen = Collections.synchronizedList(new ArrayList<>());
        var group = TicketEventEntry.consumerGroup(connection.async(),
                GroupSettings.of("typed-" + UUID.randomUUID(), "node-1", events, true).idle(Duration.ofMillis(20)), batch -> {
                    seen.addAll(batch);
                    return Future.succeededFuture(Handled.all());
                });
        await(vertx.deployVerticle(group));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> group.stats().handled() == 2);

        assertThat(seen).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(id);
            assertThat(entry.type()).isEqualTo(TicketEventType.TICKET_CLASSIFIED);
            assertThat(entry.version()).isEqualTo(2);
            assertThat(entry.ticket().status()).isEqualTo("CLASSIFIED");
            assertThat(entry.ticket().location().district()).isEqualTo("东城区");
            assertThat(entry.ticket().category().code()).isEqualTo("0101");
            assertThat(entry.event().getString("reason")).isEqualTo("自动分类");
        });
        assertThat(sync.xrange(GroupSettings.DEFAULT_PARKED, Range.create("-", "+"))).singleElement()
                .satisfies(p -> assertThat(p.getBody().get("error")).contains("unknown event type TicketTeleported"));
        sync.del(events, GroupSettings.DEFAULT_PARKED);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }
}
