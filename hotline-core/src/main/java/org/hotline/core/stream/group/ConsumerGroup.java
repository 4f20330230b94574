package org.hotline.core.stream.group;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.redis.StreamTrimmer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of Redis streams through a consumer group (ADR 0005). It creates the group or finds it
 * (BUSYGROUP), reads this consumer's pending entries first (after a start, a failure or a claim), then
 * new ones; reads again at once after a full page and waits {@code idle} after a short one. Each read
 * is read into typed entries and given to the {@link BatchHandler} one stream at a time; the batch is
 * acknowledged (one XACK per batch) only after the handler succeeded, entries the reader cannot read or
 * the handler names as poison are parked with their reason first. A failed batch is not acknowledged and
 * is read again from the pending list after a back-off (250 ms doubling to 10 s). A handler whose effects
 * become durable later ({@link Handled#durable()}) gets its batch acknowledged then, while reading goes on;
 * the pending list is read with a cursor, so entries still waiting for that are not read over and over. Every
 * {@code claimIdle / 2} the group takes over (XAUTOCLAIM, atomic) entries another consumer left
 * unacknowledged for {@code claimIdle}: the survivors finish the work of a node that died for good. On the
 * same beat the streams are trimmed to what some group still needs ({@link StreamTrimmer}: below every
 * group's oldest pending and last delivered entry, older than {@code trimGrace}).
 *
 * @param <E> the typed entry the handler receives
 */
public final class ConsumerGroup<E> extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroup.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final RedisAsyncCommands<String, String> redis;
    private final GroupSettings settings;
    private final Function<StreamEntry, E> reader;
    private final BatchHandler<E> handler;
    private final Map<String, String> claimCursors = new HashMap<>();
    private final Map<String, String> pendingCursors = new HashMap<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicLong lastLagMillis = new AtomicLong();
    private final AtomicLong trimmed = new AtomicLong();
    private final StreamTrimmer trimmer;
    private boolean pendingFirst = true;
    private boolean claimedWaiting;
    private boolean redeliver;
    private boolean stopped;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private long roundTimer = -1;
    private long claimTimer = -1;

    /** {@code reader}: one raw entry to the handler's type; throwing means the entry can never be read (parked). */
    public ConsumerGroup(RedisAsyncCommands<String, String> redis, GroupSettings settings, Function<StreamEntry, E> reader,
                         BatchHandler<E> handler) {
        this.redis = redis;
        this.settings = settings;
        this.reader = reader;
        this.handler = handler;
        this.trimmer = settings.trimGrace() == null ? null : new StreamTrimmer(redis, settings.trimGrace());
    }

    /** A group whose handler receives the entries as they are (streams other than the ticket events: see {@code TicketEventEntry.consumerGroup}). */
    public static ConsumerGroup<StreamEntry> entries(RedisAsyncCommands<String, String> redis, GroupSettings settings,
                                                     BatchHandler<StreamEntry> handler) {
        return new ConsumerGroup<>(redis, settings, entry -> entry, handler);
    }

    public GroupSettings settings() {
        return settings;
    }

    public GroupStats stats() {
        return new GroupStats(settings.group(), handled.get(), parked.get(), claimed.get(), failedRounds.get(), lastLagMillis.get());
    }

    /** Entries delivered to the group's consumers and not yet acknowledged, over all its streams (XPENDING). */
    public Future<Long> pending() {
        List<Future<Long>> counts = settings.streams().stream()
                .map(stream -> call(redis.xpending(stream, settings.group())).map(summary -> summary.getCount()))
                .toList();
        return Future.all(counts).map(all -> counts.stream().mapToLong(Future::result).sum());
    }

    @Override
    public Future<?> start() {
        Future<Void> groups = Future.succeededFuture();
        for (String stream : settings.streams()) {
            groups = groups.compose(v -> createGroup(stream));
        }
        return groups.onSuccess(v -> {
            context.runOnContext(x -> round());
            claimTimer = vertx.setPeriodic(Math.max(100, settings.claimIdle().toMillis() / 2), id -> {
                claim();
                trim();
            });
        });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(roundTimer);
        vertx.cancelTimer(claimTimer);
        return Future.succeededFuture();
    }

    private Future<Void> createGroup(String stream) {
        String start = settings.fromStart() ? "0" : "$";
        return call(redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, start), settings.group(),
                XGroupCreateArgs.Builder.mkstream()))
                .<Void>mapEmpty()
                .recover(failure -> busyGroup(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    private static boolean busyGroup(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("BUSYGROUP")) {
                return true;
            }
        }
        return false;
    }

    private void round() {
        if (stopped) {
            return;
        }
        boolean fromPending = pendingFirst;
        // compose turns a command refused synchronously (connection closing) into a failed future
        Future.succeededFuture().compose(v -> read(fromPending)).compose(messages -> {
            if (fromPending) {
                messages.forEach(m -> pendingCursors.put(m.getStream(), m.getId()));
            }
            return process(messages);
        }).onComplete(done -> {
            if (stopped) {
                return;
            }
            if (done.failed()) {
                failedRounds.incrementAndGet();
                LOG.warn("stream round failed, entries stay pending [group={}, retryInMs={}, reason={}]", settings.group(),
                        backoffMillis, done.cause().toString());
                pendingFirst = true;
                pendingCursors.clear();
                next(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
                return;
            }
            backoffMillis = FIRST_BACKOFF_MILLIS;
            int count = done.result();
            // claimed entries, or a batch whose durability failed, may lie behind the cursor: pending from the start
            boolean fromStart = claimedWaiting || redeliver;
            pendingFirst = (fromPending && count > 0) || fromStart;
            if (!pendingFirst || fromStart) {
                pendingCursors.clear();
            }
            claimedWaiting = false;
            redeliver = false;
            boolean more = pendingFirst || count >= settings.page() || settings.blocking();
            next(more ? 0 : settings.idle().toMillis());
        });
    }

    private void next(long delayMillis) {
        if (delayMillis <= 0) {
            context.runOnContext(v -> round());
        } else {
            roundTimer = vertx.setTimer(delayMillis, id -> round());
        }
    }

    @SuppressWarnings("unchecked")
    private Future<List<StreamMessage<String, String>>> read(boolean fromPending) {
        XReadArgs.StreamOffset<String>[] offsets = settings.streams().stream()
                .map(s -> fromPending ? XReadArgs.StreamOffset.from(s, pendingCursors.getOrDefault(s, "0"))
                        : XReadArgs.StreamOffset.lastConsumed(s))
                .toArray(XReadArgs.StreamOffset[]::new);
        XReadArgs args = XReadArgs.Builder.count(settings.page());
        if (!fromPending && settings.blocking()) {
            args.block(settings.idle());
        }
        return call(redis.xreadgroup(Consumer.from(settings.group(), settings.consumer()), args, offsets));
    }

    /** Handles a read one stream at a time, in order; the count of entries read decides whether more wait. */
    private Future<Integer> process(List<StreamMessage<String, String>> messages) {
        Map<String, List<StreamEntry>> byStream = new LinkedHashMap<>();
        for (StreamMessage<String, String> m : messages) {
            byStream.computeIfAbsent(m.getStream(), s -> new ArrayList<>())
                    .add(new StreamEntry(m.getStream(), m.getId(), m.getBody() == null ? Map.of() : m.getBody()));
        }
        Future<Void> chain = Future.succeededFuture();
        for (var batch : byStream.entrySet()) {
            chain = chain.compose(v -> handle(batch.getKey(), batch.getValue()));
        }
        return chain.map(messages.size());
    }

    private Future<Void> handle(String stream, List<StreamEntry> entries) {
        List<E> typed = new ArrayList<>(entries.size());
        List<Handled.Poison> unreadable = new ArrayList<>();
        for (StreamEntry entry : entries) {
            // an entry trimmed or deleted since it was delivered comes back without fields: only acknowledged
            if (entry.fields().isEmpty()) {
                continue;
            }
            try {
                typed.add(reader.apply(entry));
            } catch (RuntimeException e) {
                unreadable.add(new Handled.Poison(entry.id(), "unreadable: " + e.getMessage()));
            }
        }
        Future<Handled> result = typed.isEmpty() ? Future.succeededFuture(Handled.all())
                : Future.succeededFuture().compose(v -> handler.handle(typed));
        return result.compose(done -> {
            List<Handled.Poison> poison = new ArrayList<>(unreadable);
            poison.addAll(done.poison());
            return park(stream, poison).compose(v -> acknowledgeWhenDurable(done.durable(), stream, entries));
        });
    }

    /** Acknowledges now when the effects are durable already, else once they are, without holding up the next read. */
    private Future<Void> acknowledgeWhenDurable(Future<Void> durable, String stream, List<StreamEntry> entries) {
        if (durable.isComplete()) {
            return durable.compose(v -> acknowledge(stream, entries));
        }
        // back on this verticle's context, whichever thread made the effects durable
        durable.onComplete(result -> context.runOnContext(v -> (result.succeeded() ? acknowledge(stream, entries)
                : Future.<Void>failedFuture(result.cause())).onFailure(e -> {
                    LOG.warn("batch not acknowledged, entries stay pending [group={}, stream={}, count={}, reason={}]",
                            settings.group(), stream, entries.size(), e.toString());
                    redeliver = true;
                })));
        return Future.succeededFuture();
    }

    private Future<Void> park(String stream, List<Handled.Poison> poison) {
        if (poison.isEmpty()) {
            return Future.succeededFuture();
        }
        String now = Instant.now().toString();
        List<Future<String>> adds = new ArrayList<>();
        for (Handled.Poison p : poison) {
            LOG.warn("parked stream entry [group={}, stream={}, entry={}, reason={}]", settings.group(), stream, p.entryId(), p.reason());
            adds.add(call(redis.xadd(settings.parkedStream(), Map.of("group", settings.group(), "stream", stream,
                    "entryId", p.entryId(), "error", String.valueOf(p.reason()), "parkedAt", now))));
        }
        parked.addAndGet(poison.size());
        return Future.all(adds).mapEmpty();
    }

    private Future<Void> acknowledge(String stream, List<StreamEntry> entries) {
        String[] ids = entries.stream().map(StreamEntry::id).toArray(String[]::new);
        return call(redis.xack(stream, settings.group(), ids)).onSuccess(n -> {
            handled.addAndGet(ids.length);
            lastLagMillis.set(Math.max(0, System.currentTimeMillis() - entries.get(entries.size() - 1).appendedAtMillis()));
        }).mapEmpty();
    }

    /** One XAUTOCLAIM page per stream (JUSTID): the entries become this consumer's pending ones, read next. */
    private void claim() {
        if (stopped) {
            return;
        }
        for (String stream : settings.streams()) {
            XAutoClaimArgs<String> args = new XAutoClaimArgs<String>()
                    .consumer(Consumer.from(settings.group(), settings.consumer()))
                    .minIdleTime(settings.claimIdle()).startId(claimCursors.getOrDefault(stream, "0-0"))
                    .count(settings.page()).justid();
            Future.succeededFuture().compose(v -> call(redis.xautoclaim(stream, args))).onSuccess(result -> {
                claimCursors.put(stream, result.getId() == null ? "0-0" : result.getId());
                if (!result.getMessages().isEmpty()) {
                    LOG.info("claimed entries left by another consumer [group={}, stream={}, count={}]", settings.group(),
                            stream, result.getMessages().size());
                    claimed.addAndGet(result.getMessages().size());
                    claimedWaiting = true;
                }
            }).onFailure(e -> LOG.warn("claiming idle entries failed, retried later [group={}, stream={}, reason={}]",
                    settings.group(), stream, e.toString()));
        }
    }

    /** Entries this group's trimming removed from its streams so far. */
    public long trimmed() {
        return trimmed.get();
    }

    private void trim() {
        if (stopped || trimmer == null) {
            return;
        }
        for (String stream : settings.trimmed()) {
            Future.succeededFuture().compose(v -> call(trimmer.trim(stream, Instant.now())))
                    .onSuccess(trimmed::addAndGet)
                    .onFailure(e -> LOG.warn("trimming acknowledged entries failed, retried later [group={}, stream={}, reason={}]",
                            settings.group(), stream, e.toString()));
        }
    }

    private <T> Future<T> call(CompletionStage<T> command) {
        return LettuceBridge.toFuture(vertx, command);
    }
}
