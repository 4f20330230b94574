package org.hotline.server.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server node as its own operating-system process, started as users start it ({@code java -jar
 * target/hotline-server.jar} with the lib/ folder its manifest names; failsafe runs after package),
 * so that it can be killed with SIGKILL like a crashed machine.
 * A {@code timeout} wrapper bounds its life in case the test JVM itself is killed.
 */
public final class ServerNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String nodeId;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServerNode(String nodeId, Map<String, String> env, Path logDir) {
        this.nodeId = nodeId;
        this.env = new HashMap<>(env);
        this.env.put("HOTLINE_NODE_ID", nodeId);
        this.log = logDir.resolve(nodeId + ".log");
    }

    public int httpPort() {
        return Integer.parseInt(env.get("HOTLINE_HTTP_PORT"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort() + path;
    }

    public void start(Duration timeout) throws Exception {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("timeout", "-s", "KILL", "1800", java, "-Xmx384m",
                "-jar", "target/hotline-server.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        process = builder.start();
        awaitReady(timeout);
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(nodeId + " did not become ready; log " + log + ":\n" + tail());
            }
            TimeUnit.MILLISECONDS.sleep(250); // polling a process that offers nothing to wait on
        }
    }

    /** True while the process answers {@code /health/ready} with 200. */
    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL to the JVM: no shutdown hook, no graceful drain, in-flight requests are cut. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL to the JVM alone: whatever it started itself (the embedded Redis) is left to its own leash. */
    public void killJvmOnly() throws InterruptedException {
        List<ProcessHandle> jvm = process.children().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : jvm) {
            handle.onExit().join();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (graceful stop), then SIGKILL after a grace period. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : jvm) {
            try {
                handle.onExit().get(40, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        kill();
    }

    /** The whole log of the node (every start appends to it). */
    public String logText() throws IOException {
        return Files.readString(log);
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
