package org.hotline.telephony.sms;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Masking;

/**
 * The SMS channel's Redis keys (the truth survives a restart; timers only wake the sender): the
 * outbox by earliest send time, the surveys open per phone (two-digit code → ticket id), the
 * gateway's message ids → ticket and purpose (for delivery receipts), the opted-out numbers and
 * the administrators' templates. Several server nodes share them: a queued message is sent by the
 * node whose ZREM removed it, so once.
 */
public final class RedisSmsBook {

    public static final String OUTBOX = "hotline:sms:outbox";
    public static final String SURVEYS = "hotline:sms:surveys:";
    public static final String SENT = "hotline:sms:sent:";
    /** A receipt that overtook its submit's response ({@code ...:{messageId}} → outcome), picked up after the response. */
    public static final String EARLY_RECEIPT = "hotline:sms:early-receipt:";
    public static final String OPTED_OUT = "hotline:sms:opted-out";
    public static final String TEMPLATES = "hotline:sms:templates";
    public static final String COUNTERS = "hotline:sms:counters";
    /** Messages given up after the center refused every attempt (newest first), for administrators. */
    public static final String FAILED = "hotline:sms:failed";
    /** The citizens' messages (MO), stored before the center gets its deliver_sm_resp; handled by the {@code sms-incoming} group. */
    public static final String INCOMING = "hotline:sms:incoming";
    private static final int FAILED_KEPT = 1_000;

    /** A survey left unanswered this long is closed for SMS answers (the agents' 待回访 list takes over). */
    static final Duration SURVEY_OPEN = Duration.ofDays(7);
    private static final Duration RECEIPT_WAIT = Duration.ofDays(3);
    private static final int MAX_CODES = 99;

    private final Context context;
    private final RedisAsyncCommands<String, String> redis;

    public RedisSmsBook(Context context, RedisAsyncCommands<String, String> redis) {
        this.context = context;
        this.redis = redis;
    }

    public Future<Void> enqueue(Outgoing message, Instant notBefore) {
        return bridge(redis.zadd(OUTBOX, notBefore.toEpochMilli(), message.toJson().encode())).mapEmpty();
    }

    /** Takes up to {@code limit} messages due at {@code now}; each is removed by exactly one taker. */
    public Future<List<Outgoing>> takeDue(Instant now, int limit) {
        return bridge(redis.zrangebyscore(OUTBOX, Range.create(0, (double) now.toEpochMilli()), Limit.create(0, limit)))
                .compose(members -> Future.all(members.stream().map(m -> bridge(redis.zrem(OUTBOX, m))
                        .map(removed -> removed == 1 ? m : null)).toList()))
                .map(all -> {
                    List<Outgoing> taken = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        String m = all.resultAt(i);
                        if (m != null) {
                            taken.add(Outgoing.fromJson(m));
                        }
                    }
                    return taken;
                });
    }

    /** Keeps a given-up message (with its text and number: only administrators read it), the newest {@value #FAILED_KEPT}. */
    public Future<Void> giveUp(Outgoing message, String reason, Instant at) {
        String entry = message.toJson().put("reason", reason).put("failedAt", at.toString()).encode();
        return bridge(redis.lpush(FAILED, entry)).compose(n -> bridge(redis.ltrim(FAILED, 0, FAILED_KEPT - 1))).mapEmpty();
    }

    public Future<Long> failedCount() {
        return bridge(redis.llen(FAILED));
    }

    /** The newest {@code limit} given-up messages, the number masked. */
    public Future<List<JsonObject>> failed(int limit) {
        return bridge(redis.lrange(FAILED, 0, limit - 1L)).map(entries -> entries.stream().map(JsonObject::new)
                .map(RedisSmsBook::masked).toList());
    }

    private static JsonObject masked(JsonObject entry) {
        entry.remove("text");
        return entry.put("phone", Masking.maskPhone(entry.getString("phone")));
    }

    /**
     * Stores a citizen's message in {@value #INCOMING}, waiting at most {@code timeout}: called on jsmpp's
     * thread, which answers the center only after this returned (never call it on an event loop).
     */
    public void storeIncoming(String from, String text, Duration timeout) throws Exception {
        redis.xadd(INCOMING, Map.of("from", Objects.requireNonNullElse(from, ""), "text", Objects.requireNonNullElse(text, "")))
                .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Future<Long> queued() {
        return bridge(redis.zcard(OUTBOX));
    }

    /** Gives the phone's next free two-digit survey code to the ticket (or the code it already holds). */
    public Future<String> openSurvey(String phone, String ticketId) {
        String key = SURVEYS + phone;
        return bridge(redis.hgetall(key)).compose(open -> {
            for (Map.Entry<String, String> e : open.entrySet()) {
                if (e.getValue().equals(ticketId)) {
                    return Future.succeededFuture(e.getKey());
                }
            }
            for (int i = 1; i <= MAX_CODES; i++) {
                String code = String.format("%02d", i);
                if (!open.containsKey(code)) {
                    return bridge(redis.hsetnx(key, code, ticketId)).compose(won -> won
                            ? bridge(redis.expire(key, SURVEY_OPEN.toSeconds())).map(code)
                            : openSurvey(phone, ticketId));
                }
            }
            return Future.failedFuture(HotlineException.conflict("sms.too-many-surveys", "该号码待回复的回访过多"));
        });
    }

    public Future<Map<String, String>> openSurveys(String phone) {
        return bridge(redis.hgetall(SURVEYS + phone));
    }

    /** Closes the survey only if the code still belongs to that ticket (a reply is counted once). */
    public Future<Boolean> closeSurvey(String phone, String code) {
        return bridge(redis.hdel(SURVEYS + phone, code)).map(n -> n == 1);
    }

    public Future<Void> rememberSent(String messageId, String ticketId, String purpose, String phone) {
        String key = SENT + messageId;
        return bridge(redis.hset(key, Map.of("ticketId", ticketId == null ? "" : ticketId, "purpose", purpose, "phone", phone)))
                .compose(n -> bridge(redis.expire(key, RECEIPT_WAIT.toSeconds()))).mapEmpty();
    }

    public Future<Map<String, String>> sent(String messageId) {
        return bridge(redis.hgetall(SENT + messageId));
    }

    public Future<Void> parkReceipt(String messageId, String outcome) {
        return bridge(redis.setex(EARLY_RECEIPT + messageId, RECEIPT_WAIT.toSeconds(), outcome)).mapEmpty();
    }

    public Future<Optional<String>> takeParkedReceipt(String messageId) {
        return bridge(redis.get(EARLY_RECEIPT + messageId)).compose(outcome -> outcome == null
                ? Future.succeededFuture(Optional.<String>empty())
                : bridge(redis.del(EARLY_RECEIPT + messageId)).map(n -> n == 1 ? Optional.of(outcome) : Optional.<String>empty()));
    }

    public Future<Void> optOut(String phone) {
        return bridge(redis.sadd(OPTED_OUT, phone)).mapEmpty();
    }

    public Future<Boolean> optedOut(String phone) {
        return bridge(redis.sismember(OPTED_OUT, phone));
    }

    public Future<Optional<String>> template(String purpose) {
        return bridge(redis.hget(TEMPLATES, purpose)).map(Optional::ofNullable);
    }

    public Future<Map<String, String>> templates() {
        return bridge(redis.hgetall(TEMPLATES));
    }

    public Future<Void> storeTemplate(String purpose, String text) {
        return bridge(redis.hset(TEMPLATES, purpose, text)).mapEmpty();
    }

    public Future<Void> count(String counter) {
        return bridge(redis.hincrby(COUNTERS, counter, 1)).mapEmpty();
    }

    public Future<Map<String, String>> counters() {
        return bridge(redis.hgetall(COUNTERS));
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context).recover(failure -> Future.failedFuture(
                HotlineException.unavailable("sms.store-unavailable", "短信数据存储暂时不可用，请稍后重试", failure)));
    }
}
