package org.hotline.dispatch.routing;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;

/**
 * The dispatch catalog's rules in Redis: hash {@value #KEY}, field {@code id@version} → rule JSON.
 * Every version is kept, so a rule's history stays readable and a decision names the version it used.
 */
public final class RedisRoutingRules {

    public static final String KEY = "hotline:dispatch:rules";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisRoutingRules(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public Future<List<RoutingRule>> all() {
        return LettuceBridge.toFuture(vertx, redis.hvals(KEY))
                .map(values -> values.stream().map(v -> fromJson(new JsonObject(v))).toList());
    }

    public Future<Void> put(RoutingRule rule) {
        return LettuceBridge.toFuture(vertx, redis.hset(KEY, rule.id() + "@" + rule.version(), toJson(rule).encode()))
                .mapEmpty();
    }

    public static JsonObject toJson(RoutingRule r) {
        return new JsonObject().put("id", r.id()).put("version", r.version()).put("categoryPrefix", r.categoryPrefix())
                .put("district", r.district()).put("street", r.street()).put("lead", r.lead())
                .put("level", r.level().name()).put("assisting", new JsonArray(r.assisting()))
                .put("functional", r.functional()).put("effectiveFrom", r.effectiveFrom().toString())
                .put("effectiveUntil", r.effectiveUntil() == null ? null : r.effectiveUntil().toString())
                .put("ticketCategory", r.ticketCategory());
    }

    /** Throws IllegalArgumentException (with a Chinese message from the rule) on invalid input. */
    public static RoutingRule fromJson(JsonObject json) {
        String until = json.getString("effectiveUntil");
        return new RoutingRule(json.getString("id"), json.getInteger("version", 1), json.getString("categoryPrefix"),
                json.getString("district"), json.getString("street"), json.getString("lead"),
                RoutingRule.Level.valueOf(json.getString("level", "CITY")),
                json.getJsonArray("assisting", new JsonArray()).stream().map(String::valueOf).toList(),
                json.getBoolean("functional", false), Instant.parse(json.getString("effectiveFrom")),
                until == null ? null : Instant.parse(until), json.getString("ticketCategory"));
    }
}
