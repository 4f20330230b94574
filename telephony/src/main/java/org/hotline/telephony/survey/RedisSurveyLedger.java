package org.hotline.telephony.survey;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.hotline.core.error.HotlineException;

/**
 * The survey campaign's Redis keys: the campaign itself, one hash per surveyed ticket (its cohort
 * month, its plan, the robot's and the agent's answers, why it is re-visited: each field written once,
 * HSETNX, so a replayed event changes nothing), one set of ticket ids per month and measure (a count is
 * SCARD: exact, and a ticket counted twice is still one), and the agents' re-visit list (oldest first).
 */
public final class RedisSurveyLedger {

    public static final String CAMPAIGN = "hotline:survey:campaign";
    public static final String TICKET = "hotline:survey:ticket:";
    public static final String MONTH = "hotline:survey:month:";
    public static final String REVISITS = "hotline:survey:revisits";

    private final Context context;
    private final RedisAsyncCommands<String, String> redis;

    public RedisSurveyLedger(Context context, RedisAsyncCommands<String, String> redis) {
        this.context = context;
        this.redis = redis;
    }

    /** The stored campaign, or {@link SurveyCampaign#DEFAULT} before an administrator set one. */
    public Future<SurveyCampaign> campaign() {
        return bridge(redis.get(CAMPAIGN)).map(json -> json == null ? SurveyCampaign.DEFAULT : SurveyCampaigns.fromJson(new JsonObject(json)));
    }

    public Future<Void> storeCampaign(SurveyCampaign campaign) {
        return bridge(redis.set(CAMPAIGN, SurveyCampaigns.toJson(campaign).encode())).mapEmpty();
    }

    /** Writes a ticket's field unless it has one; answers the field's value (the first writer's). */
    public Future<String> settle(String ticketId, String field, String value) {
        return bridge(redis.hsetnx(TICKET + ticketId, field, value)).compose(v -> bridge(redis.hget(TICKET + ticketId, field)));
    }

    public Future<Map<String, String>> ticket(String ticketId) {
        return bridge(redis.hgetall(TICKET + ticketId));
    }

    /** Counts the ticket under the month's measure (once, however often it is told). */
    public Future<Void> count(String month, String measure, String ticketId) {
        return bridge(redis.sadd(MONTH + month + ":" + measure, ticketId)).mapEmpty();
    }

    /** How many tickets each measure counted in the month; a measure never counted is 0. */
    public Future<Map<String, Long>> tally(String month, List<String> measures) {
        return Future.all(measures.stream().map(m -> bridge(redis.scard(MONTH + month + ":" + m))).toList()).map(all -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < measures.size(); i++) {
                counts.put(measures.get(i), all.<Long>resultAt(i));
            }
            return counts;
        });
    }

    /** Puts the ticket on the agents' re-visit list, keeping the time it first came due. */
    public Future<Void> dueForRevisit(String ticketId, Instant since) {
        return bridge(redis.zadd(REVISITS, ZAddArgs.Builder.nx(), (double) since.toEpochMilli(), ticketId)).mapEmpty();
    }

    public Future<Void> offRevisitList(String ticketId) {
        return bridge(redis.zrem(REVISITS, ticketId)).mapEmpty();
    }

    /** The oldest {@code limit} tickets waiting for an agent's re-visit, with their ledger hashes. */
    public Future<List<Map<String, String>>> revisitList(int limit) {
        return bridge(redis.zrangebyscore(REVISITS, Range.unbounded(), Limit.create(0, limit)))
                .compose(ids -> Future.all(ids.stream().map(id -> ticket(id).map(h -> withId(id, h))).toList()))
                .map(all -> all.<Map<String, String>>list());
    }

    public Future<Long> revisitsWaiting() {
        return bridge(redis.zcard(REVISITS));
    }

    private static Map<String, String> withId(String id, Map<String, String> hash) {
        Map<String, String> out = new LinkedHashMap<>(hash);
        out.put("ticketId", id);
        return out;
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context).recover(e -> Future.failedFuture(
                e instanceof HotlineException ? e : HotlineException.unavailable("survey.redis", "回访记录暂不可用", e)));
    }
}
