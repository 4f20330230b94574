package org.hotline.linkage110.calls;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.transfer.LinkageStats;

/**
 * Live-call linkage with 110 through telephony's event-bus addresses (this module does not know
 * Asterisk): one-click transfer of the caller to the 110 line, a three-way call when the scope is
 * unclear, and the recorded outcome. Without agreement the first receiver keeps the call (首接负责).
 */
public final class LiveCallActions {

    public static final String TRANSFER_ADDRESS = "telephony.call.transfer";
    public static final String CONFERENCE_ADDRESS = "telephony.call.conference";
    public static final String HOTLINE = "12345";
    public static final String POLICE = "110";

    private final EventBus bus;
    private final RedisOps redis;
    private final LinkageStats stats;
    private final Linkage110Config config;
    private final Clock clock;

    public LiveCallActions(EventBus bus, RedisOps redis, LinkageStats stats, Linkage110Config config, Clock clock) {
        this.bus = bus;
        this.redis = redis;
        this.stats = stats;
        this.config = config;
        this.clock = clock;
    }

    /** One-click transfer: 110 takes the call over, so 110 keeps it. */
    public Future<JsonObject> transfer(String callId, String agentId) {
        return ask(TRANSFER_ADDRESS, callId)
                .compose(reply -> record(callId, fields("action", "TRANSFER", "agentId", agentId,
                        "keptBy", POLICE, "decidedAt", clock.instant().toString())))
                .compose(v -> stats.add("calls.transfer", 1))
                .compose(v -> stats.add("calls.kept.110", 1))
                .compose(v -> call(callId));
    }

    /** Three-way call (caller + agent + 110); the outcome is recorded later with {@link #outcome}. */
    public Future<JsonObject> conference(String callId, String agentId) {
        return ask(CONFERENCE_ADDRESS, callId)
                .compose(reply -> record(callId, fields("action", "CONFERENCE", "agentId", agentId,
                        "startedAt", clock.instant().toString())))
                .compose(v -> stats.add("calls.conference", 1))
                .compose(v -> call(callId));
    }

    /**
     * Who took the matter after a three-way call. {@code acceptedBy} null or blank means no
     * agreement: the first receiver keeps it.
     */
    public Future<JsonObject> outcome(String callId, String acceptedBy, String firstReceiver) {
        String first = firstReceiver == null ? HOTLINE : firstReceiver;
        String keeper = acceptedBy == null || acceptedBy.isBlank() ? first : acceptedBy;
        if (!isParty(first) || !isParty(keeper)) {
            return Future.failedFuture(HotlineException.invalid("linkage110.bad-party", "承接方只能是12345或110"));
        }
        Map<String, String> fields = fields("keptBy", keeper, "firstReceiver", first,
                "agreed", Boolean.toString(!keeper.equals(first) || acceptedBy != null && !acceptedBy.isBlank()),
                "decidedAt", clock.instant().toString());
        return redis.call(r -> r.hsetnx(LinkageKeys.call(callId), "keptBy", keeper))
                .compose(claimed -> !claimed
                        ? Future.failedFuture(HotlineException.conflict("linkage110.outcome-recorded", "该通话的承接结果已记录"))
                        : record(callId, fields).compose(v -> stats.add("calls.kept." + keeper, 1)))
                .compose(v -> call(callId));
    }

    public Future<JsonObject> call(String callId) {
        return redis.call(r -> r.hgetall(LinkageKeys.call(callId))).compose(hash -> hash.isEmpty()
                ? Future.failedFuture(HotlineException.notFound("linkage110.call-not-found", "没有该通话的联动记录"))
                : Future.succeededFuture(new JsonObject(new HashMap<>(hash)).put("callId", callId)));
    }

    private Future<Object> ask(String address, String callId) {
        var body = new JsonObject().put("callId", callId).put("target", config.policeLine());
        var options = new DeliveryOptions().setSendTimeout(config.requestTimeout().toMillis());
        return bus.request(address, body, options).<Object>map(reply -> reply.body())
                .recover(failure -> Future.failedFuture(telephonyFailure(failure)));
    }

    /**
     * Telephony's own refusal (the call already ended: 404; not the agent's call: 403) keeps its status
     * and message; no answer at all (timeout, no handler) is an unavailable telephony system.
     */
    static HotlineException telephonyFailure(Throwable failure) {
        if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
                && reply.failureCode() >= 400 && reply.failureCode() < 500) {
            return HotlineException.remoteRefusal(reply.failureCode(), "linkage110.telephony-refused",
                    "话务系统拒绝转接：" + reply.getMessage());
        }
        return HotlineException.unavailable("linkage110.telephony", "话务系统未能完成转接，请稍后重试", failure);
    }

    private Future<Void> record(String callId, Map<String, String> fields) {
        return redis.call(r -> r.hset(LinkageKeys.call(callId), fields)).mapEmpty();
    }

    private static boolean isParty(String party) {
        return HOTLINE.equals(party) || POLICE.equals(party);
    }

    /** Field pairs without the null values (an agent id is optional). */
    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
