package org.hotline.core.open311;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.hotline.core.model.Actor;
import org.hotline.core.redis.LettuceBridge;

/**
 * Open311 API keys of partner systems, and the tokens answered for submitted requests. Only the SHA-256 of a key is stored
 * ({@code hotline:open311:key:{sha256}}), so a Redis dump does not hand out working keys; the key
 * itself is shown once, when an administrator issues it.
 */
public final class Open311Keys {

    static final String KEY_PREFIX = "hotline:open311:key:";
    static final String TOKEN_PREFIX = "hotline:open311:token:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final Clock clock;

    public Open311Keys(Vertx vertx, RedisAsyncCommands<String, String> redis, Clock clock) {
        this.vertx = vertx;
        this.redis = redis;
        this.clock = clock;
    }

    /** A key registered to a partner (its display name is used as the ticket's reporter system). */
    public record Partner(String name, String issuedBy) {
    }

    /** Issues a new key for a partner; the answer is the only place the key ever appears. */
    public Future<String> issue(String partnerName, Actor admin) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String apiKey = "o311_" + HexFormat.of().formatHex(bytes);
        JsonObject record = new JsonObject().put("partner", partnerName).put("issuedBy", admin.userId())
            .put("issuedAt", clock.instant().toString());
        return LettuceBridge.toFuture(vertx, redis.set(KEY_PREFIX + sha256(apiKey), record.encode())).map(apiKey);
    }

    public Future<Optional<Partner>> find(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 128) {
            return Future.succeededFuture(Optional.empty());
        }
        return LettuceBridge.toFuture(vertx, redis.get(KEY_PREFIX + sha256(apiKey)))
            .map(json -> Optional.ofNullable(json).map(text -> {
                JsonObject record = new JsonObject(text);
                return new Partner(record.getString("partner"), record.getString("issuedBy"));
            }));
    }

    /** Remembers the token answered for a new request, so {@code tokens/{token}} finds its number later. */
    public Future<Void> rememberToken(String token, String requestId) {
        return LettuceBridge.toFuture(vertx, redis.set(TOKEN_PREFIX + token, requestId)).mapEmpty();
    }

    public Future<Optional<String>> requestOfToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Future.succeededFuture(Optional.empty());
        }
        return LettuceBridge.toFuture(vertx, redis.get(TOKEN_PREFIX + token)).map(Optional::ofNullable);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
