package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Elasticsearch 8.19.21 (single node, security off) for tests, one per JVM. Runs as
 * {@code nobody} when the JVM is root, because Elasticsearch refuses root. Data and logs are fresh
 * per JVM and survive {@link #stop()}/{@link #start()}, which fault tests use.
 * {@code HOTLINE_TEST_ES_URL} points {@link #shared()} at an existing server instead.
 */
public final class RealElasticsearch {

    public static final String URL_OVERRIDE = "HOTLINE_TEST_ES_URL";
    private static final String SERVER = "Elasticsearch " + ElasticsearchDistribution.VERSION;
    private static final String UNPRIVILEGED_USER = "nobody";
    // About 25 s on an idle 2-core machine; over 100 s was seen with eight engineers building on it.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static RealElasticsearch shared;
    private static RuntimeException sharedFailure;

    private final URI url;
    private final Path home;
    private final Path runDir;
    private final int transportPort;
    private ServerProcess process;

    private RealElasticsearch(URI url, Path home, Path runDir, int transportPort) {
        this.url = url;
        this.home = home;
        this.runDir = runDir;
        this.transportPort = transportPort;
    }

    /** The JVM-wide server, started on first use (about 25 s on two cores) and stopped by a shutdown hook. */
    public static synchronized RealElasticsearch shared() {
        if (shared == null && sharedFailure == null) {
            try {
                Optional<String> external = Overrides.get(URL_OVERRIDE);
                shared = external.isPresent() ? external(external.get()) : startLocal();
            } catch (RuntimeException e) {
                sharedFailure = e;
            }
        }
        if (sharedFailure != null) {
            throw MissingServer.abort(SERVER, "it could not be started", URL_OVERRIDE + "=http://host:9200", sharedFailure);
        }
        return shared;
    }

    private static RealElasticsearch external(String url) {
        RealElasticsearch es = new RealElasticsearch(URI.create(url.replaceAll("/+$", "")), null, null, -1);
        if (!es.healthy()) {
            throw new IllegalStateException("no Elasticsearch answers GET /_cluster/health at " + url);
        }
        return es;
    }

    private static RealElasticsearch startLocal() {
        Path home = ElasticsearchDistribution.home();
        Path runDir = prepareRunDir(home);
        RealElasticsearch es = new RealElasticsearch(URI.create("http://127.0.0.1:" + FreePort.pick()), home, runDir,
                FreePort.pick());
        Runtime.getRuntime().addShutdownHook(new Thread(es::stopAndDelete, "stop-elasticsearch"));
        es.start();
        return es;
    }

    /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url.toString();
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort();
    }

    /**
     * The folder registered as {@code path.repo}: filesystem snapshot repositories (backup and restore
     * tests) must be created under it. Survives {@link #stop()}, deleted at JVM exit.
     */
    public Path snapshotDir() {
        requireLocal();
        return runDir.resolve("snapshots");
    }

    /** Starts the server again on the same ports and data (after {@link #stop()}); waits for cluster health. */
    public synchronized void start() {
        requireLocal();
        if (process != null && process.alive()) {
            return;
        }
        process = ServerProcess.start(SERVER + " :" + port(), command(), Map.of(), runDir.resolve("console.log"));
        process.awaitReady(START_TIMEOUT, this::healthy);
    }

    /** Graceful stop (SIGTERM); clients see connection refused until {@link #start()}. */
    public synchronized void stop() {
        requireLocal();
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** SIGKILL to the server, as in a node crash; {@link #start()} brings it back with what it had flushed. */
    public synchronized void crash() {
        requireLocal();
        if (process != null) {
            process.kill();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (Overrides.runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        command.addAll(List.of("env",
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + runDir.resolve("config"),
                "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                "ES_TMPDIR=" + runDir.resolve("tmp"),
                home.resolve("bin/elasticsearch").toString()));
        settings().forEach(setting -> command.addAll(List.of("-E", setting)));
        return command;
    }

    private List<String> settings() {
        return List.of(
                "cluster.name=hotline-test-" + port(),
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                "network.host=127.0.0.1",
                "http.port=" + port(),
                "transport.port=" + transportPort,
                "path.data=" + runDir.resolve("data"),
                "path.logs=" + runDir.resolve("logs"),
                "path.repo=" + snapshotDir(),
                // Shared dev disks are often over 90 % full; the watermark would block writes.
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "action.destructive_requires_name=false");
    }

    /** Health answers 200 with green or yellow; {@code GET /} is not served by this distribution. */
    boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path prepareRunDir(Path home) {
        try {
            Path runDir = Files.createTempDirectory("hotline-es-");
            for (String dir : List.of("data", "logs", "tmp", "config", "snapshots")) {
                Files.createDirectories(runDir.resolve(dir));
            }
            try (var files = Files.list(home.resolve("config"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, runDir.resolve("config").resolve(file.getFileName()));
                }
            }
            if (Overrides.runningAsRoot()) {
                HostCommand.run("chown", "-R", UNPRIVILEGED_USER, runDir.toString());
            }
            return runDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch run directory", e);
        }
    }

    private void stopAndDelete() {
        try {
            stop();
            Folders.delete(runDir);
        } catch (RuntimeException ignored) {
            // JVM exit: nothing left to report to.
        }
    }

    private void requireLocal() {
        if (home == null) {
            throw new UnsupportedOperationException("Elasticsearch at " + url + " is external (" + URL_OVERRIDE
                    + "): the fixture cannot stop or start it");
        }
    }

    @Override
    public String toString() {
        return "RealElasticsearch[" + url + (home == null ? ", external" : ", run dir " + runDir) + "]";
    }
}
