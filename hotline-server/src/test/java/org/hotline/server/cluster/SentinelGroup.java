package org.hotline.server.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealRedis;

/**
 * A real Redis master, one replica and one Sentinel on loopback. Master and replica come from the
 * RealRedis fixture; the Sentinel runs the same redis-server binary in sentinel mode (it needs a
 * writable configuration file, which the fixture does not offer).
 */
final class SentinelGroup implements AutoCloseable {

    static final String MASTER_NAME = "hotline";

    final RealRedis master;
    final RealRedis replica;
    final int sentinelPort;
    private final Process sentinel;

    private SentinelGroup(RealRedis master, RealRedis replica, int sentinelPort, Process sentinel) {
        this.master = master;
        this.replica = replica;
        this.sentinelPort = sentinelPort;
        this.sentinel = sentinel;
    }

    static SentinelGroup start() throws Exception {
        RealRedis master = RealRedis.startNew(RealRedis.Options.defaults());
        RealRedis replica = RealRedis.startNew(RealRedis.Options.defaults());
        run(replica, c -> c.replicaof(master.host(), master.port()));
        int port = FreePort.pick();
        return new SentinelGroup(master, replica, port, startSentinel(binaryOf(master), master, port));
    }

    /**
     * The fixture runs the redis-server on PATH, else the one from the embedded-redis jar: use the
     * same. (Debian's redis-server is a link to redis-check-rdb, so the running process's executable
     * does not tell; Redis also rewrites its process title.)
     */
    private static String binaryOf(RealRedis redis) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable)
                .map(Path::toString).findFirst()
                .or(() -> ProcessHandle.current().descendants().map(p -> p.info().command().orElse(""))
                        .filter(command -> command.contains("redis-server")).findFirst())
                .orElseThrow(() -> new IllegalStateException("cannot find the redis-server of " + redis));
    }

    private static Process startSentinel(String binary, RealRedis master, int port) throws Exception {
        Path dir = Files.createTempDirectory(master.dataDir().getParent(), "sentinel-");
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 1",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 10000", ""));
        Process process = new ProcessBuilder(List.of("timeout", "-s", "KILL", "1200", binary, conf.toString(), "--sentinel"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening(port)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("sentinel did not start: " + Files.readString(dir.resolve("sentinel.log")));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return process;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String uri() {
        return "redis-sentinel://127.0.0.1:" + sentinelPort + "/0#" + MASTER_NAME;
    }

    /** The master's port as the Sentinel reports it now. */
    int masterPortNow() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + sentinelPort);
        try (var connection = client.connectSentinel()) {
            return ((InetSocketAddress) connection.sync().getMasterAddrByName(MASTER_NAME)).getPort();
        } finally {
            client.shutdown();
        }
    }

    /** The Sentinel knows the replica (it can only fail over to a replica it has seen). */
    boolean replicaKnown() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + sentinelPort);
        try (var connection = client.connectSentinel()) {
            return !connection.sync().replicas(MASTER_NAME).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    interface Command {
        Object on(RedisCommands<String, String> commands);
    }

    static Object run(RealRedis redis, Command command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.on(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() throws Exception {
        if (sentinel != null) {
            sentinel.descendants().forEach(ProcessHandle::destroy);
            sentinel.destroy();
            sentinel.waitFor(10, TimeUnit.SECONDS);
        }
        replica.stop();
        master.stop();
    }
}
