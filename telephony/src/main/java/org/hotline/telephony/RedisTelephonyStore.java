package org.hotline.telephony;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.hotline.core.error.HotlineException;
import org.hotline.core.stream.RedisKeys;

/**
 * Telephony's Redis keys: the call-record stream (shared contract), the missed-call callback list,
 * tickets linked to calls in progress and the blocked-number list. Agent and queue state are not
 * kept here: Asterisk is their source of truth and is re-read after every reconnect.
 */
public final class RedisTelephonyStore {

    /** Hash callId → JSON {callId, caller, queue, abandonedAt, waitSeconds} of calls to call back. */
    public static final String CALLBACKS = "hotline:telephony:callbacks";
    /** The callback list's order: callId by abandonment time (ms), so pages need no full read. */
    public static final String CALLBACKS_BY_TIME = "hotline:telephony:callbacks:by-time";
    /** Default bound of the callback list (setting HOTLINE_CALLBACKS_MAX); older entries drop off (they stay in the records). */
    public static final int MAX_CALLBACKS = 10_000;
    /** Set of numbers refused per the harassment policy. */
    public static final String BLOCKED = "hotline:telephony:blocked";
    /**
     * Prefix of the set of ticket ids linked to one call ({@code ...:{callId}}). Kept as long as the
     * records: a link made after hang-up is read with the record (the stream entry itself is final).
     */
    public static final String CALL_TICKETS = "hotline:telephony:call-tickets:";

    /** Hash agentId → comma-separated queues of the agents logged in, re-applied after an Asterisk restart. */
    public static final String AGENTS = "hotline:telephony:agents";
    /** Hash callId → the call record's stream entry id: one record read without scanning the stream. */
    public static final String CALL_INDEX = "hotline:telephony:call-index";
    /** Prefix of the once-only marker of a written record: several server nodes see the same AMI events. */
    public static final String RECORDED = "hotline:telephony:recorded:";

    private static final int RECORD_BATCH = 5_000;
    private static final long LINK_TTL_SECONDS = Duration.ofDays(1).toSeconds();

    private final Context context;
    private final RedisAsyncCommands<String, String> redis;
    private final int maxCallbacks;

    public RedisTelephonyStore(Context context, RedisAsyncCommands<String, String> redis) {
        this(context, redis, MAX_CALLBACKS);
    }

    public RedisTelephonyStore(Context context, RedisAsyncCommands<String, String> redis, int maxCallbacks) {
        this.context = context;
        this.redis = redis;
        this.maxCallbacks = maxCallbacks;
    }

    /** The callback list's bound. */
    public int maxCallbacks() {
        return maxCallbacks;
    }

    /**
     * Adds the linked ticket ids, appends the record to the stream and, if abandoned, to the callback
     * list. Only the first node to claim the call writes it; the others get an empty result.
     */
    public Future<Optional<CallRecord>> append(CallRecord record) {
        return bridge(redis.set(RECORDED + record.callId(), "1", SetArgs.Builder.nx().ex(LINK_TTL_SECONDS)))
                .compose(claimed -> "OK".equals(claimed) ? write(record).map(Optional::of).recover(failed -> release(record, failed))
                        : Future.succeededFuture(Optional.<CallRecord>empty()));
    }

    /** A claim whose write failed is given back, so that the retry (here or on another node) writes it. */
    private Future<Optional<CallRecord>> release(CallRecord record, Throwable failed) {
        return bridge(redis.del(RECORDED + record.callId())).transform(x -> Future.failedFuture(failed));
    }

    private Future<CallRecord> write(CallRecord record) {
        return bridge(redis.smembers(CALL_TICKETS + record.callId()))
                .map(ids -> record.withTicketIds(ids.stream().sorted().toList()))
                .compose(full -> bridge(redis.xadd(RedisKeys.CALL_RECORDS, full.toStreamFields()))
                        .compose(id -> bridge(redis.hset(CALL_INDEX, full.callId(), id)))
                        .compose(id -> full.abandoned() ? addCallback(full) : Future.succeededFuture())
                        .map(full));
    }

    /** Links a ticket to a call, during the call or at any time after it (kept with the records). */
    public Future<Void> linkTicket(String callId, String ticketId) {
        return bridge(redis.sadd(CALL_TICKETS + callId, ticketId)).mapEmpty();
    }

    /**
     * One call record (stream fields) with every ticket linked to it so far, also after hang-up;
     * empty when the call has no record (yet).
     */
    public Future<Optional<Map<String, String>>> record(String callId) {
        return bridge(redis.hget(CALL_INDEX, callId)).compose(entryId -> entryId == null
                ? Future.succeededFuture(Optional.empty())
                : bridge(redis.xrange(RedisKeys.CALL_RECORDS, io.lettuce.core.Range.create(entryId, entryId)))
                .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.<Map<String, String>>empty())
                        : withLinks(found.get(0).getBody()).map(Optional::of)));
    }

    /** A page of call records, newest first: entries older than stream id {@code before} (empty: the newest). */
    public record RecordPage(List<Map<String, String>> records, String next) {
    }

    /**
     * Newest first, at most {@code limit} records that {@code visible} accepts, reading at most
     * {@code scan} stream entries; {@code next} continues the scan (empty at the stream's start).
     */
    public Future<RecordPage> records(String before, int limit, int scan, java.util.function.Predicate<Map<String, String>> visible) {
        io.lettuce.core.Range<String> range = before.isEmpty() ? io.lettuce.core.Range.create("-", "+")
                : io.lettuce.core.Range.from(io.lettuce.core.Range.Boundary.unbounded(), io.lettuce.core.Range.Boundary.excluding(before));
        return bridge(redis.xrevrange(RedisKeys.CALL_RECORDS, range, io.lettuce.core.Limit.from(scan))).compose(entries -> {
            List<io.lettuce.core.StreamMessage<String, String>> chosen = new java.util.ArrayList<>();
            String next = entries.size() < scan ? "" : entries.get(entries.size() - 1).getId();
            for (var e : entries) {
                if (visible.test(e.getBody())) {
                    chosen.add(e);
                    if (chosen.size() == limit) {
                        next = e.getId();
                        break;
                    }
                }
            }
            String cursor = next;
            return Future.all(chosen.stream().map(e -> withLinks(e.getBody())).toList())
                    .map(all -> new RecordPage(all.<Map<String, String>>list(), cursor));
        });
    }

    /**
     * Feeds {@code each} the records whose stream entries were written in {@code [fromMs, toMs)}, in
     * order, read 5,000 at a time; fails (400) beyond {@code max}. Returns how many were read.
     */
    public Future<Integer> recordsWritten(long fromMs, long toMs, int max, java.util.function.Consumer<Map<String, String>> each) {
        return recordsFrom(io.lettuce.core.Range.Boundary.including(fromMs + "-0"), toMs, max, each, 0);
    }

    private Future<Integer> recordsFrom(io.lettuce.core.Range.Boundary<String> start, long toMs, int max,
                                        java.util.function.Consumer<Map<String, String>> each, int read) {
        io.lettuce.core.Range<String> range = io.lettuce.core.Range.from(start, io.lettuce.core.Range.Boundary.excluding(toMs + "-0"));
        return bridge(redis.xrange(RedisKeys.CALL_RECORDS, range, io.lettuce.core.Limit.from(RECORD_BATCH))).compose(batch -> {
            batch.forEach(m -> each.accept(m.getBody()));
            int total = read + batch.size();
            if (total > max) {
                return Future.failedFuture(HotlineException.invalid("telephony.too-many-calls", "该时间范围内的通话过多，请缩小日期范围"));
            }
            return batch.size() < RECORD_BATCH ? Future.succeededFuture(total) : recordsFrom(
                    io.lettuce.core.Range.Boundary.excluding(batch.get(batch.size() - 1).getId()), toMs, max, each, total);
        });
    }

    /** The record's ticketIds joined with the links made since (ticket ↔ call at any time). */
    private Future<Map<String, String>> withLinks(Map<String, String> fields) {
        return bridge(redis.smembers(CALL_TICKETS + fields.get("callId"))).map(linked -> {
            java.util.TreeSet<String> ids = new java.util.TreeSet<>(linked);
            String recorded = fields.getOrDefault("ticketIds", "");
            if (!recorded.isEmpty()) {
                ids.addAll(List.of(recorded.split(",")));
            }
            Map<String, String> out = new java.util.LinkedHashMap<>(fields);
            out.put("ticketIds", String.join(",", ids));
            return out;
        });
    }

    /** One page of the callback list and the list's length. */
    public record CallbackPage(long total, List<JsonObject> callbacks) {
    }

    /** Missed calls still to be called back, oldest first, from {@code offset}, at most {@code limit}. */
    public Future<CallbackPage> callbacks(int offset, int limit) {
        return bridge(redis.zcard(CALLBACKS_BY_TIME)).compose(total -> bridge(redis.zrange(CALLBACKS_BY_TIME, offset,
                        offset + limit - 1L))
                .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
                        : bridge(redis.hmget(CALLBACKS, ids.toArray(String[]::new))).map(values -> values.stream()
                        .filter(v -> v.hasValue()).map(v -> new JsonObject(v.getValue())).toList()))
                .map(list -> new CallbackPage(total, list)));
    }

    public Future<JsonObject> callback(String callId) {
        return bridge(redis.hget(CALLBACKS, callId)).compose(json -> json == null
                ? Future.failedFuture(HotlineException.notFound("telephony.callback-not-found", "回拨记录不存在或已处理"))
                : Future.succeededFuture(new JsonObject(json)));
    }

    public Future<Boolean> callbackDone(String callId) {
        return bridge(redis.zrem(CALLBACKS_BY_TIME, callId)).compose(z -> bridge(redis.hdel(CALLBACKS, callId))).map(n -> n > 0);
    }

    public Future<Void> saveLogin(String agentId, List<String> queues) {
        return bridge(redis.hset(AGENTS, agentId, String.join(",", queues))).mapEmpty();
    }

    public Future<Void> removeLogin(String agentId) {
        return bridge(redis.hdel(AGENTS, agentId)).mapEmpty();
    }

    /** Logged-in agents and their queues. */
    public Future<Map<String, List<String>>> logins() {
        return bridge(redis.hgetall(AGENTS)).map(all -> all.entrySet().stream().collect(java.util.stream.Collectors
                .toMap(Map.Entry::getKey, e -> List.of(e.getValue().split(",")))));
    }

    public Future<Boolean> isBlocked(String phone) {
        return bridge(redis.sismember(BLOCKED, phone));
    }

    public Future<Void> block(String phone) {
        return bridge(redis.sadd(BLOCKED, phone)).mapEmpty();
    }

    /** Blocked numbers, sorted (administrators keep this list short). */
    public Future<List<String>> blocked() {
        return bridge(redis.smembers(BLOCKED)).map(set -> set.stream().sorted().toList());
    }

    public Future<Void> unblock(String phone) {
        return bridge(redis.srem(BLOCKED, phone)).mapEmpty();
    }

    private Future<Void> addCallback(CallRecord record) {
        JsonObject entry = new JsonObject().put("callId", record.callId()).put("caller", record.caller())
                .put("queue", record.queue()).put("abandonedAt", record.endedAt().toString())
                .put("waitSeconds", record.waitTime().toSeconds());
        return bridge(redis.hset(CALLBACKS, Map.of(record.callId(), entry.encode())))
                .compose(n -> bridge(redis.zadd(CALLBACKS_BY_TIME, (double) record.endedAt().toEpochMilli(), record.callId())))
                .compose(n -> trimCallbacks());
    }

    /** Keeps the newest {@code maxCallbacks}: the oldest entries beyond leave both keys. */
    private Future<Void> trimCallbacks() {
        return bridge(redis.zrange(CALLBACKS_BY_TIME, 0, -(maxCallbacks + 1L))).compose(old -> old.isEmpty()
                ? Future.succeededFuture()
                : bridge(redis.hdel(CALLBACKS, old.toArray(String[]::new)))
                .compose(n -> bridge(redis.zrem(CALLBACKS_BY_TIME, old.toArray(String[]::new)))).mapEmpty());
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context).recover(failure -> Future.failedFuture(
                HotlineException.unavailable("telephony.store-unavailable", "数据存储暂时不可用，请稍后重试", failure)));
    }
}
