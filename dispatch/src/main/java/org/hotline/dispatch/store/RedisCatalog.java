package org.hotline.dispatch.store;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hotline.core.redis.LettuceBridge;

/** The dispatch category catalog in one Redis hash ({@link DispatchKeys#CATEGORIES}). */
public final class RedisCatalog {

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisCatalog(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public Future<List<CatalogEntry>> all() {
        return LettuceBridge.toFuture(vertx, redis.hgetall(DispatchKeys.CATEGORIES)).map(RedisCatalog::decode);
    }

    /** Adds or replaces an entry (admin edits, seeds). */
    public Future<Void> put(CatalogEntry entry) {
        return LettuceBridge.toFuture(vertx, redis.hset(DispatchKeys.CATEGORIES, entry.code(), encode(entry)))
                .mapEmpty();
    }

    /** Removes an entry (a category an administrator retired): the keyword rules no longer suggest it. */
    public Future<Void> remove(String code) {
        return LettuceBridge.toFuture(vertx, redis.hdel(DispatchKeys.CATEGORIES, code)).mapEmpty();
    }

    /** Creates the entries whose code is not there yet (HSETNX), leaving existing ones untouched. */
    public Future<Void> createMissing(Collection<CatalogEntry> entries) {
        List<Future<Boolean>> writes = entries.stream()
                .map(e -> LettuceBridge.toFuture(vertx, redis.hsetnx(DispatchKeys.CATEGORIES, e.code(), encode(e))))
                .toList();
        return Future.all(writes).mapEmpty();
    }

    static String encode(CatalogEntry entry) {
        return new JsonObject().put("name", entry.name()).put("department", entry.department())
                .put("keywords", new JsonArray(entry.keywords())).encode();
    }

    private static List<CatalogEntry> decode(Map<String, String> hash) {
        List<CatalogEntry> entries = new ArrayList<>(hash.size());
        hash.forEach((code, value) -> {
            JsonObject json = new JsonObject(value);
            List<String> keywords = json.getJsonArray("keywords", new JsonArray()).stream()
                    .map(String::valueOf).toList();
            entries.add(new CatalogEntry(code, json.getString("name"), json.getString("department"), keywords));
        });
        entries.sort(Comparator.comparing(CatalogEntry::code));
        return entries;
    }
}
