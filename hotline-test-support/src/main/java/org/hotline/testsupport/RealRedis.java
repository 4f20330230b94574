package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Redis for tests: one shared instance per JVM ({@link #shared()}), or a private one
 * ({@link #startNew(Options)}) for tests that stop, crash or reconfigure it. Binds 127.0.0.1 on a
 * free port with AOF on; {@code HOTLINE_TEST_REDIS_URI} points {@link #shared()} at an existing server.
 */
public final class RealRedis {

    public static final String URI_OVERRIDE = "HOTLINE_TEST_REDIS_URI";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static RealRedis shared;
    private static RuntimeException sharedFailure;

    /**
     * Server settings passed as {@code --key value}; {@code appendfsync} defaults to {@code everysec}.
     * Durability tests use {@code Options.defaults().with("appendfsync", "always")}.
     */
    public record Options(Map<String, String> config) {
        public Options {
            config = Map.copyOf(config);
        }

        public static Options defaults() {
            return new Options(Map.of("appendonly", "yes", "appendfsync", "everysec", "save", ""));
        }

        public Options with(String key, String value) {
            Map<String, String> next = new LinkedHashMap<>(config);
            next.put(key, value);
            return new Options(next);
        }
    }

    private final URI uri;
    private final Options options;
    private final Path dataDir;
    private final Path binary;
    private ServerProcess process;

    private RealRedis(URI uri, Options options, Path dataDir, Path binary) {
        this.uri = uri;
        this.options = options;
        this.dataDir = dataDir;
        this.binary = binary;
    }

    /** The JVM-wide instance, started on first use and stopped by a shutdown hook. */
    public static synchronized RealRedis shared() {
        if (shared == null && sharedFailure == null) {
            try {
                Optional<String> external = Overrides.get(URI_OVERRIDE);
                shared = external.isPresent() ? external(external.get()) : startNew(Options.defaults());
            } catch (RuntimeException e) {
                sharedFailure = e;
            }
        }
        if (sharedFailure != null) {
            throw MissingServer.abort("Redis", "it could not be started", URI_OVERRIDE + "=redis://host:port", sharedFailure);
        }
        return shared;
    }

    /** A private server with its own data directory; the caller stops it (a shutdown hook does too). */
    public static RealRedis startNew(Options options) {
        return startNew(options, RedisBinary.locate());
    }

    static RealRedis startNew(Options options, Path binary) {
        Path dataDir = freshDataDir();
        RealRedis redis = new RealRedis(URI.create("redis://127.0.0.1:" + FreePort.pick()), options, dataDir, binary);
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stopQuietly, "stop-redis-" + redis.port()));
        return redis;
    }

    private static RealRedis external(String uri) {
        RealRedis redis = new RealRedis(URI.create(uri), Options.defaults(), null, null);
        if (!RespProbe.pings(redis.host(), redis.port())) {
            throw new IllegalStateException("no Redis answers PING at " + uri + " (" + URI_OVERRIDE + ")");
        }
        return redis;
    }

    public String uri() {
        return uri.toString();
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort();
    }

    /** Where the AOF and RDB files live; survives {@link #stop()} and {@link #restart()}. */
    public Path dataDir() {
        requireLocal();
        return dataDir;
    }

    /** Starts the server again on the same port and data directory (after {@link #stop()} or {@link #crash()}). */
    public synchronized void start() {
        requireLocal();
        if (process != null && process.alive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", String.valueOf(port()), "--bind", "127.0.0.1", "--dir", dataDir.toString(),
                "--daemonize", "no", "--protected-mode", "yes", "--logfile", ""));
        options.config().forEach((key, value) -> {
            command.add("--" + key);
            command.add(value);
        });
        process = ServerProcess.start("redis-server :" + port(), command, Map.of(), dataDir.resolve("redis.log"));
        process.awaitReady(START_TIMEOUT, () -> RespProbe.pings(host(), port()));
    }

    /** Graceful stop: Redis flushes its AOF on SIGTERM, as in a normal shutdown. */
    public synchronized void stop() {
        requireLocal();
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    /** SIGKILL: only what Redis already wrote (per appendfsync) survives, like a power cut of the process. */
    public synchronized void crash() {
        requireLocal();
        if (process != null) {
            process.kill();
        }
    }

    public void restart() {
        stop();
        start();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // JVM exit: nothing left to report to.
        }
    }

    private void requireLocal() {
        if (binary == null) {
            throw new UnsupportedOperationException("Redis at " + uri + " is external (" + URI_OVERRIDE
                    + "): the fixture cannot stop, start or inspect it");
        }
    }

    private static Path freshDataDir() {
        try {
            Path parent = Files.isDirectory(Path.of("target")) ? Path.of("target", "real-redis").toAbsolutePath()
                    : Path.of(System.getProperty("java.io.tmpdir"), "hotline-real-redis");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Redis data directory", e);
        }
    }

    @Override
    public String toString() {
        return "RealRedis[" + uri + (dataDir == null ? ", external" : ", data " + dataDir) + "]";
    }
}
