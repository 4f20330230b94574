package org.hotline.core.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach Redis. Shared by every module that talks to Redis (core store, dispatch, search
 * indexer, telephony, linkage-110) so that they all fail the same way when Redis is away.
 *
 * @param uri            {@code redis://[password@]host:port[/db]}, {@code rediss://...} (TLS) or
 *                       {@code redis-sentinel://host:port[,host:port]/db#masterId}
 * @param commandTimeout how long one command may take before it fails as unavailable
 * @param connectTimeout how long opening a TCP connection may take
 * @param appendFsync    the durability the embedded Redis is started with; see {@link AppendFsync}
 *                       (informational for an external Redis, whose operator sets it)
 */
public record RedisConfig(String uri, Duration commandTimeout, Duration connectTimeout, AppendFsync appendFsync) {

    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-sentinel");
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public RedisConfig {
        Objects.requireNonNull(uri, "uri");
        commandTimeout = Objects.requireNonNullElse(commandTimeout, DEFAULT_COMMAND_TIMEOUT);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        appendFsync = Objects.requireNonNullElse(appendFsync, AppendFsync.EVERYSEC);
        requireScheme(uri);
        requirePositive("commandTimeout", commandTimeout);
        requirePositive("connectTimeout", connectTimeout);
    }

    /** Defaults: local Redis on 6379, 2 s command and connect timeouts, AOF everysec. */
    public static RedisConfig defaults() {
        return of(DEFAULT_URI);
    }

    /** The given URI with default timeouts and durability. */
    public static RedisConfig of(String uri) {
        return new RedisConfig(uri, null, null, null);
    }

    public RedisConfig withUri(String newUri) {
        return new RedisConfig(newUri, commandTimeout, connectTimeout, appendFsync);
    }

    public RedisConfig withCommandTimeout(Duration timeout) {
        return new RedisConfig(uri, timeout, connectTimeout, appendFsync);
    }

    public RedisConfig withAppendFsync(AppendFsync fsync) {
        return new RedisConfig(uri, commandTimeout, connectTimeout, fsync);
    }

    /** The URI without its password, fit for logs. */
    public String safeUri() {
        return safe(uri);
    }

    @Override
    public String toString() {
        return "RedisConfig[uri=" + safeUri() + ", commandTimeout=" + commandTimeout
                + ", connectTimeout=" + connectTimeout + ", appendFsync=" + appendFsync.redisValue() + "]";
    }

    private static void requireScheme(String uri) {
        String scheme;
        try {
            scheme = URI.create(uri).getScheme();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redis uri is not a valid URI: " + safe(uri), e);
        }
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException(
                    "redis uri must start with redis://, rediss:// or redis-sentinel://, was " + safe(uri));
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be > 0 and <= 5 minutes, was " + value);
        }
    }

    private static String safe(String uri) {
        return uri.replaceFirst("//[^@/]*@", "//***@");
    }
}
