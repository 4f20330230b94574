package org.hotline.linkage110;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real Redis 7.0.15 (the binary shipped in org.signal:embedded-redis) on a free port for this test
 * JVM. Stands in until hotline-test-support's RealRedis fixture is installed.
 */
final class TestRedis {

    private static TestRedis shared;

    private final RedisServer server;
    private final int port;

    private TestRedis(int port) {
        this.port = port;
        this.server = RedisServer.builder().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    static synchronized TestRedis shared() throws IOException {
        if (shared == null) {
            shared = new TestRedis(freePort());
        }
        return shared;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
