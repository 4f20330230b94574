package org.hotline.dispatch.sla;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;

/**
 * Notifications of fired alarms held back until a later instant (the next duty period), kept in
 * Redis so that a restart loses none: sorted set {@value #PENDING} (score = when to notify, member
 * = the alarm's JSON), claimed with the scheduler's own lease script into {@value #IN_FLIGHT}, and
 * published once thanks to a {@value #NOTIFIED_PREFIX} marker ({@code SET NX}).
 */
final class DeferredNotifications {

    static final String PENDING = "hotline:sla:notify";
    static final String IN_FLIGHT = "hotline:sla:notify:inflight";
    static final String NOTIFIED_PREFIX = "hotline:sla:notified:";
    /** The alarm's fired marker and its deferred notification are written in one step. */
    private static final String FIRE_AND_DEFER = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
              return 1
            end
            return 0
            """;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final String claimScript;

    DeferredNotifications(Vertx vertx, RedisAsyncCommands<String, String> redis, String claimScript) {
        this.vertx = vertx;
        this.redis = redis;
        this.claimScript = claimScript;
    }

    /** Marks the alarm fired and holds its notification until {@code at}; false if it was fired already. */
    Future<Boolean> markFiredAndDefer(String marker, SlaAlarmFired alarm, Instant at, Duration markerTtl) {
        String payload = alarm.toJson().put("deferredUntil", at.toEpochMilli()).encode();
        return LettuceBridge.toFuture(vertx, redis.<Long>eval(FIRE_AND_DEFER, ScriptOutputType.INTEGER,
                        new String[] {marker, PENDING}, Long.toString(alarm.firedAtEpochMs()),
                        Long.toString(markerTtl.toMillis()), Long.toString(at.toEpochMilli()), payload))
                .map(done -> done == 1L);
    }

    /** Publishes the notifications now due on {@code address}, once each; true when the batch was full. */
    Future<Boolean> publishDue(String address, SlaSchedulerConfig config) {
        String[] keys = {PENDING, IN_FLIGHT};
        String[] args = {Long.toString(config.lease().toMillis()), Integer.toString(config.batchSize())};
        return LettuceBridge.toFuture(vertx, redis.<List<Object>>eval(claimScript, ScriptOutputType.MULTI, keys, args))
                .compose(reply -> {
                    long now = Long.parseLong(String.valueOf(reply.get(reply.size() - 1)));
                    List<Future<Void>> published = new ArrayList<>();
                    for (int i = 0; i + 1 < reply.size(); i += 2) {
                        published.add(publishOnce(address, String.valueOf(reply.get(i)), now, config));
                    }
                    return Future.join(published).transform(ignored -> Future.succeededFuture(
                            published.size() >= config.batchSize()));
                });
    }

    private Future<Void> publishOnce(String address, String payload, long now, SlaSchedulerConfig config) {
        JsonObject alarm = new JsonObject(payload);
        SetArgs once = SetArgs.Builder.nx().px(config.firedMarkerTtl().toMillis());
        return LettuceBridge.toFuture(vertx, redis.set(NOTIFIED_PREFIX + alarm.getString("member"), Long.toString(now), once))
                .map(ok -> {
                    if ("OK".equals(ok)) {
                        vertx.eventBus().publish(address, alarm.put("notifiedAtEpochMs", now));
                    }
                    return null;
                })
                .compose(v -> LettuceBridge.toFuture(vertx, redis.zrem(IN_FLIGHT, payload)))
                .mapEmpty();
    }
}
