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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.server.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server run as a child process for the one-command start: the statically linked
 * Redis 7.0.15 shipped in {@code org.signal:embedded-redis}, or the machine's {@code redis-server}
 * when the jar has no binary for this platform. Data (AOF) lives in {@code dataDir/redis}, so a
 * second start finds every ticket again.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Process process;
    private final int port;
    private final Path dir;

    private EmbeddedRedis(Process process, int port, Path dir) {
        this.process = process;
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
        command.addAll(List.of(binary.toString(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--dir", dir.toString(), "--pidfile", dir.resolve("redis.pid").toString(),
                "--appendonly", "yes", "--appendfsync", fsync.name().toLowerCase(),
                "--logfile", dir.resolve("redis.log").toString(), "--daemonize", "no"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        EmbeddedRedis redis = new EmbeddedRedis(process, port, dir);
        redis.awaitReady();
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

    /** SIGTERM makes Redis fsync the AOF and exit cleanly; we wait for that before returning. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("embedded redis did not stop in 15 s, killing it [pid={}]", process.pid());
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LOG.info("embedded redis stopped [dir={}]", dir);
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("embedded redis exited with code " + process.exitValue()
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
        process.destroyForcibly();
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
            p.onExit().orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join();
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
