package org.hotline.linkage110;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.linkage110.peer.Peer110Main;

/**
 * The simulated 110 platform in its own JVM (test classpath), driven over its admin port. Its
 * output goes to target/peer110.log.
 */
public final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final int exchangePort;
    private final int adminPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private PeerProcess(Process process, int exchangePort, int adminPort) {
        this.process = process;
        this.exchangePort = exchangePort;
        this.adminPort = adminPort;
    }

    public static PeerProcess start(String secret) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", classpath, Peer110Main.class.getName()))
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "peer110.log").toFile()));
        builder.environment().put("PEER110_SECRET", secret);
        Process process = builder.start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readyLine(out)).get(60, TimeUnit.SECONDS);
        String[] parts = ready.split(" ");
        return new PeerProcess(process, Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    }

    private static String readyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PEER110 READY")) {
                    return line;
                }
            }
            throw new IllegalStateException("peer110 exited before it was ready");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI exchangeUrl() {
        return URI.create("http://127.0.0.1:" + exchangePort + "/");
    }

    public JsonObject admin(String path, JsonObject body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        return send(request);
    }

    public JsonObject state() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/admin/state"))
                .timeout(Duration.ofSeconds(20)).GET().build());
    }

    public void mode(String mode, long delayMs) {
        admin("/admin/mode", new JsonObject().put("mode", mode).put("delayMs", delayMs));
    }

    private JsonObject send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("peer admin answered " + response.statusCode() + ": " + response.body());
            }
            return new JsonObject(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
