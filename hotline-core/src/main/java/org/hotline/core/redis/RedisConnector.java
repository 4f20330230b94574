package org.hotline.core.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one Lettuce {@link RedisClient} built from a {@link RedisConfig} and the connections opened
 * through it. One connection serves many concurrent callers (Lettuce pipelines commands), so a
 * module normally opens one and keeps it.
 *
 * <p>Behaviour while Redis is away: commands are rejected at once (no queueing in memory that
 * would replay stale writes later), every command times out after {@code commandTimeout}, and the
 * connection reconnects by itself when Redis returns. Failures arrive as
 * {@link org.hotline.core.error.HotlineException} UNAVAILABLE (code {@code redis.unavailable}).
 */
public final class RedisConnector {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    private final Vertx vertx;
    private final RedisConfig config;
    private final RedisURI uri;
    private final RedisClient client;
    private final Set<StatefulRedisConnection<?, ?>> connections = ConcurrentHashMap.newKeySet();

    private RedisConnector(Vertx vertx, RedisConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.uri = RedisURI.create(config.uri());
        this.uri.setTimeout(config.commandTimeout());
        this.client = RedisClient.create(uri);
        this.client.setOptions(clientOptions(config));
    }

    /** Builds the client; no connection is opened yet. */
    public static RedisConnector create(Vertx vertx, RedisConfig config) {
        return new RedisConnector(vertx, config);
    }

    static ClientOptions clientOptions(RedisConfig config) {
        return ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.builder().fixedTimeout(config.commandTimeout()).build())
                .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build())
                .build();
    }

    /** Opens a UTF-8 string connection; completes on the caller's context. */
    public Future<StatefulRedisConnection<String, String>> connect() {
        return LettuceBridge.toFuture(vertx, client.connectAsync(StringCodec.UTF8, uri))
                .onSuccess(connection -> {
                    connections.add(connection);
                    LOG.info("redis connected [{}]", config.safeUri());
                });
    }

    /** The underlying client, for pub/sub or other codecs; connections opened on it are the caller's to close. */
    public RedisClient client() {
        return client;
    }

    public RedisConfig config() {
        return config;
    }

    /** Closes every connection opened by {@link #connect()}, then the client and its threads. */
    public Future<Void> close() {
        List<Future<Void>> closing = connections.stream()
                .map(connection -> Future.fromCompletionStage(connection.closeAsync()))
                .toList();
        connections.clear();
        return Future.join(closing)
                .transform(ignored -> Future.fromCompletionStage(client.shutdownAsync(), vertx.getOrCreateContext()))
                .mapEmpty();
    }
}
