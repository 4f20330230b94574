package org.hotline.core.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The administrators' changes to the jurisdiction's policy, kept in Redis so every node applies the
 * same ones and a node started later loads them: the time-limit table (the seed file's JSON) and
 * holiday years (holiday-cn JSON). A counter grows with each change, so nodes notice one with a
 * single GET. Stored as given: validation happens before saving ({@code PolicySettings}).
 *
 * <p>Keys: {@code hotline:config:time-limits} (string), {@code hotline:config:holidays} (hash
 * year → JSON), {@code hotline:config:departments} (hash unit id → one {@code departments.json}
 * entry), {@code hotline:config:categories} (hash code → one {@code categories.json} entry),
 * {@code hotline:config:version} (counter). Units and categories are never deleted: they are
 * marked inactive / retired, because tickets name them.
 */
public final class RedisPolicyStore {

    /** What is stored; {@code timeLimitsJson} is null while nobody has replaced the seed's table. */
    public record Stored(long version, String timeLimitsJson, Map<Integer, String> holidayYears,
                         Map<String, String> departments, Map<String, String> categories) {
        public Stored {
            holidayYears = Map.copyOf(holidayYears);
            departments = Map.copyOf(departments);
            categories = Map.copyOf(categories);
        }
    }

    /**
     * Writes an entry only if the counter still has the value the caller's checks were made against:
     * two administrators editing on two nodes (each with its own copy, polled every few seconds) can
     * otherwise undo each other's change or build a cycle of units from two checks that each passed.
     */
    private static final String SAVE_IF_UNCHANGED = """
            local current = tonumber(redis.call('GET', KEYS[2]) or '0')
            if current ~= tonumber(ARGV[3]) then return {0, current} end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return {1, redis.call('INCR', KEYS[2])}
            """;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;
    private final LuaScript saveIfUnchanged;

    public RedisPolicyStore(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this(vertx, redis, RedisTicketKeys.DEFAULT_PREFIX);
    }

    public RedisPolicyStore(Vertx vertx, RedisAsyncCommands<String, String> redis, String prefix) {
        this.vertx = vertx;
        this.redis = redis;
        this.prefix = prefix + "config:";
        this.saveIfUnchanged = LuaScript.of("save-config-if-unchanged", SAVE_IF_UNCHANGED, redis);
    }

    public Future<Long> saveTimeLimits(String json) {
        return bridge(redis.set(prefix + "time-limits", json)).compose(ok -> bridge(redis.incr(prefix + "version")));
    }

    public Future<Long> saveHolidayYear(int year, String json) {
        return bridge(redis.hset(prefix + "holidays", Integer.toString(year), json)).compose(ok -> bridge(redis.incr(prefix + "version")));
    }

    /** Saves a unit if nothing changed since {@code seenVersion}; the new counter, or empty when someone was first. */
    public Future<java.util.Optional<Long>> saveDepartment(String id, String json, long seenVersion) {
        return saveIfUnchanged("departments", id, json, seenVersion);
    }

    /** Saves a category if nothing changed since {@code seenVersion}; the new counter, or empty when someone was first. */
    public Future<java.util.Optional<Long>> saveCategory(String code, String json, long seenVersion) {
        return saveIfUnchanged("categories", code, json, seenVersion);
    }

    private Future<java.util.Optional<Long>> saveIfUnchanged(String hash, String field, String json, long seenVersion) {
        String[] keys = {prefix + hash, prefix + "version"};
        String[] args = {field, json, Long.toString(seenVersion)};
        return bridge(saveIfUnchanged.run(redis, keys, args)).map((List<Object> answer) -> ((Long) answer.get(0)) == 1L
                ? java.util.Optional.of((Long) answer.get(1)) : java.util.Optional.<Long>empty());
    }

    /** The change counter: 0 while nothing was ever changed. */
    public Future<Long> version() {
        return bridge(redis.get(prefix + "version")).map(value -> value == null ? 0L : Long.parseLong(value));
    }

    /** Everything stored, read after the counter so a change racing the read is seen on the next poll. */
    public Future<Stored> load() {
        return version().compose(version -> {
            Future<String> limits = bridge(redis.get(prefix + "time-limits"));
            Future<Map<String, String>> years = bridge(redis.hgetall(prefix + "holidays"));
            Future<Map<String, String>> departments = bridge(redis.hgetall(prefix + "departments"));
            Future<Map<String, String>> categories = bridge(redis.hgetall(prefix + "categories"));
            return Future.all(limits, years, departments, categories).map(all -> {
                Map<Integer, String> byYear = new TreeMap<>();
                years.result().forEach((year, json) -> byYear.put(Integer.parseInt(year), json));
                return new Stored(version, limits.result(), byYear, departments.result(), categories.result());
            });
        });
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
