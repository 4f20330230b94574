package org.hotline.search.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.core.error.HotlineException;
import org.hotline.core.redis.LettuceBridge;

/**
 * The knowledge base in Redis, its source of truth: {@code hotline:knowledge:articles} (hash, id →
 * article JSON), {@code hotline:knowledge:version} (counter raised by every change, which nodes poll
 * to know their search index is stale), {@code hotline:knowledge:seq} (article numbers) and
 * {@code hotline:knowledge:seeded} (set once the seed articles were offered). Each change is one
 * Lua script, so the article and the version move together.
 */
final class KnowledgeStore {

    static final String ARTICLES = "hotline:knowledge:articles";
    static final String VERSION = "hotline:knowledge:version";
    static final String SEQ = "hotline:knowledge:seq";
    static final String SEEDED = "hotline:knowledge:seeded";

    /** ARGV: id, json, revision the stored article must have (0 = must not exist). Returns the new version, or -1. */
    private static final String SAVE = """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            local revision = 0
            if current then revision = cjson.decode(current).revision end
            if tostring(revision) ~= ARGV[3] then return -1 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('INCR', KEYS[2])""";
    private static final String DELETE = """
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return -1 end
            return redis.call('INCR', KEYS[2])""";
    private static final String LOAD = "return {redis.call('GET', KEYS[2]) or '0', redis.call('HGETALL', KEYS[1])}";
    /** ARGV: id1, json1, id2, json2, ... written only the first time and only into an empty base. */
    private static final String SEED = """
            if redis.call('SETNX', KEYS[3], '1') == 0 or redis.call('HLEN', KEYS[1]) > 0 then return 0 end
            for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('INCR', KEYS[2])
            return #ARGV / 2""";

    /** Every article with the version it belongs to, read atomically. */
    record Snapshot(long version, List<Article> articles) {
    }

    private final Vertx vertx;
    private final StatefulRedisConnection<String, String> connection;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    KnowledgeStore(Vertx vertx, StatefulRedisConnection<String, String> connection) {
        this.vertx = vertx;
        this.connection = connection;
    }

    Future<Snapshot> load() {
        return LettuceBridge.toFuture(vertx, connection.async().<List<Object>>eval(LOAD, ScriptOutputType.MULTI, ARTICLES, VERSION))
                .map(reply -> {
                    @SuppressWarnings("unchecked")
                    List<Object> flat = (List<Object>) reply.get(1);
                    var articles = new ArrayList<Article>(flat.size() / 2);
                    for (int i = 1; i < flat.size(); i += 2) {
                        articles.add(read((String) flat.get(i)));
                    }
                    return new Snapshot(Long.parseLong((String) reply.get(0)), articles);
                });
    }

    Future<Long> version() {
        return LettuceBridge.toFuture(vertx, connection.async().get(VERSION)).map(v -> v == null ? 0L : Long.parseLong(v));
    }

    Future<Optional<Article>> find(String id) {
        return LettuceBridge.toFuture(vertx, connection.async().hget(ARTICLES, id)).map(v -> Optional.ofNullable(v).map(this::read));
    }

    Future<String> nextId() {
        return LettuceBridge.toFuture(vertx, connection.async().incr(SEQ)).map(n -> String.format("KB%06d", n));
    }

    /** Writes the article if the stored one still has {@code expectedRevision} (0: none); the new version, or empty on a race. */
    Future<Optional<Long>> save(Article article, long expectedRevision) {
        return LettuceBridge.toFuture(vertx, connection.async().<Long>eval(SAVE, ScriptOutputType.INTEGER,
                        new String[] {ARTICLES, VERSION}, article.id(), write(article), Long.toString(expectedRevision)))
                .map(v -> v < 0 ? Optional.empty() : Optional.of(v));
    }

    /** The new version, or empty when there was no such article. */
    Future<Optional<Long>> delete(String id) {
        return LettuceBridge.toFuture(vertx, connection.async().<Long>eval(DELETE, ScriptOutputType.INTEGER,
                        new String[] {ARTICLES, VERSION}, id))
                .map(v -> v < 0 ? Optional.empty() : Optional.of(v));
    }

    /** Stores the seed articles once, into an empty base; how many were stored. */
    Future<Long> seed(List<Article> articles) {
        var args = new ArrayList<String>();
        articles.forEach(a -> {
            args.add(a.id());
            args.add(write(a));
        });
        return LettuceBridge.toFuture(vertx, connection.async().<Long>eval(SEED, ScriptOutputType.INTEGER,
                new String[] {ARTICLES, VERSION, SEEDED}, args.toArray(String[]::new)));
    }

    private String write(Article article) {
        try {
            return json.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    private Article read(String value) {
        try {
            return json.readValue(value, Article.class);
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }
}
