package org.hotline.server.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.server.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server run as a child process for the one-command start: the statically linked
 * Redis 7.0.15 shipped in {@code org.signal:embedded-redis}, or the machine's {@code redis-server}
 * when the jar has no binary for this platform. Data (AOF) lives in {@code dataDir/redis}, so a
 * second start finds every ticket again.
 *
 * <p>Supervised: when Redis exits while the server runs (crash, OOM killer, {@code kill -9}) it is
 * started again on the same port, folder and AOF within a few seconds, logged and shown by
 * {@link #state()} in {@code /health}; the Redis client reconnects on its own. Leashed: Redis runs
 * under a small shell that stops it (SIGTERM, so the AOF is flushed) within a second when this JVM
 * disappears, even by SIGKILL, so no orphan Redis holds the data folder.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /**
     * $1 is this JVM's pid, the rest is the Redis command. The shell ends when Redis ends (so the
     * supervisor sees the exit) and stops Redis when the JVM is gone or the shell gets SIGTERM.
     */
    private static final String LEASH = """
            owner=$1; shift
            "$@" &
            redis=$!
            trap 'kill -TERM $redis 2>/dev/null; wait $redis; exit 143' TERM INT
            while kill -0 "$owner" 2>/dev/null && kill -0 "$redis" 2>/dev/null; do sleep 1; done
            kill -TERM $redis 2>/dev/null
            wait $redis
            """;

    private final List<String> command;
    private final int port;
    private final Path dir;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile Process process;
    private volatile boolean closing;
    private volatile String lastExit = "";
    private volatile Instant down;

    private EmbeddedRedis(List<String> command, int port, Path dir) {
        this.command = command;
        this.port = port;
        this.dir = dir;
    }

    public static EmbeddedRedis start(Path dataDir, HotlineConfig.Fsync fsync, int requestedPort) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("redis"));
        stopLeftover(dir.resolve("redis.pid"));
        Path binary = binary(dataDir);
        int port = requestedPort == 0 ? freePort() : requestedPort;
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: Ctrl-C in the terminal reaches only the JVM, which stops Redis last.
            command.add(SETSID.toString());
        }
        command.addAll(List.of("/bin/sh", "-c", LEASH, "embedded-redis-leash", String.valueOf(ProcessHandle.current().pid())));
        command.addAll(List.of(binary.toString(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--dir", dir.toString(), "--pidfile", dir.resolve("redis.pid").toString(),
                "--appendonly", "yes", "--appendfsync", fsync.name().toLowerCase(),
                // ticket hashes as listpacks from the first load of the AOF on (RedisTicketStore#LISTPACK_VALUE)
                "--hash-max-listpack-value", String.valueOf(RedisTicketStore.LISTPACK_VALUE),
                "--logfile", dir.resolve("redis.log").toString(), "--daemonize", "no"));
        EmbeddedRedis redis = new EmbeddedRedis(List.copyOf(command), port, dir);
        redis.spawn();
        LOG.info("embedded redis started [binary={}, port={}, dir={}, appendfsync={}]", binary, port, dir,
                fsync.name().toLowerCase());
        return redis;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    /** For /health: running or being restarted, and how often it was restarted since the server started. */
    public String state() {
        Instant since = down;
        String restarted = restarts.get() == 0 ? "never restarted"
                : "restarted " + restarts.get() + " time(s), last after " + lastExit;
        return since != null ? "restarting since " + since + " after " + lastExit + ", " + restarted
                : "running on port " + port + ", " + restarted;
    }

    /** SIGTERM makes Redis fsync the AOF and exit cleanly; we wait for that before returning. */
    @Override
    public void close() {
        closing = true;
        Process current = process;
        if (!current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("embedded redis did not stop in 15 s, killing it [pid={}]", current.pid());
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        LOG.info("embedded redis stopped [dir={}]", dir);
    }

    /** Starts Redis (under its leash), waits for PONG, and watches for an exit nobody asked for. */
    private void spawn() throws IOException {
        Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process = started;
        awaitReady(started);
        started.onExit().thenAccept(this::exited);
    }

    private void exited(Process gone) {
        if (closing) {
            return;
        }
        lastExit = "exit code " + gone.exitValue() + (gone.exitValue() > 128 ? " (signal " + (gone.exitValue() - 128) + ")" : "");
        down = Instant.now();
        LOG.error("embedded redis exited while the server runs [{}, dir={}]: restarting it on port {} with the same AOF",
                lastExit, dir, port);
        Thread supervisor = new Thread(this::restart, "embedded-redis-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Again and again, backing off up to {@link #MAX_BACKOFF}, until Redis answers or the server stops. */
    private void restart() {
        long backoff = 200;
        while (!closing) {
            try {
                Thread.sleep(backoff);
                spawn();
                if (closing) {
                    process.destroy(); // the server stopped while Redis was coming back
                    return;
                }
                int count = restarts.incrementAndGet();
                LOG.warn("embedded redis restarted [port={}, dir={}, restarts={}, down for {} ms]", port, dir, count,
                        Duration.between(down, Instant.now()).toMillis());
                down = null;
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.error("embedded redis did not start again, retrying in {} ms [{}]", backoff, e.getMessage());
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void awaitReady(Process started) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException("embedded redis exited with code " + started.exitValue()
                        + "; see " + dir.resolve("redis.log"));
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for embedded redis", e);
            }
        }
        started.destroy();
        throw new IOException("embedded redis did not answer PING within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** Redis answers -LOADING while it replays a large AOF: only +PONG means ready. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read >= 5 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A previous run killed with SIGKILL leaves its Redis running on our data dir: stop it first. */
    private static void stopLeftover(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).strip();
        Optional<ProcessHandle> leftover = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        leftover.filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false)).ifPresent(p -> {
            LOG.warn("stopping a redis left over by an earlier run [pid={}]", p.pid());
            p.destroy();
            p.onExit().orTimeout(15, TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
    }

    private static Path binary(Path dataDir) throws IOException {
        String resource = "/redis-server-7.0.15-" + platform();
        try (InputStream in = EmbeddedRedis.class.getResourceAsStream(resource)) {
            if (in == null) {
                return machineRedis().orElseThrow(() -> new IOException(
                        "no embedded redis binary for " + platform() + " and no redis-server on PATH"));
            }
            Path target = Files.createDirectories(dataDir.resolve("bin")).resolve("redis-server-7.0.15");
            Path temp = Files.createTempFile(target.getParent(), "redis-server", ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            temp.toFile().setExecutable(true, true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    private static Optional<Path> machineRedis() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String entry : path.split(":")) {
            Path candidate = Path.of(entry, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase().contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return os + "-" + cpu;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
