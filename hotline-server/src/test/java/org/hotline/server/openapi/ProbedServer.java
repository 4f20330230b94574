package org.hotline.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.api.ApiRoutes;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.FreePort;

/**
 * The whole server as Application wires it, on its embedded real Redis, with telephony and the 110
 * linkage switched on and their peers absent (AMI retries, the outbox waits), so every documented
 * operation is mounted; for the tests that call every operation of the merged document.
 */
final class ProbedServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "openapi-admin-password";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HotlineServer.Running server;

    private ProbedServer(HotlineServer.Running server) {
        this.server = server;
    }

    static ProbedServer start(Path dataDir) throws Exception {
        return new ProbedServer(HotlineServer.start(ConfigLoader.load(Map.ofEntries(
                Map.entry("HOTLINE_DATA_DIR", dataDir.toString()), Map.entry("HOTLINE_HTTP_PORT", "0"),
                Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"), Map.entry("HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("HOTLINE_AMI_HOST", "127.0.0.1"), Map.entry("HOTLINE_AMI_PORT", String.valueOf(FreePort.pick())),
                Map.entry("HOTLINE_AMI_USERNAME", "hotline"), Map.entry("HOTLINE_AMI_SECRET", "no-asterisk-here"),
                Map.entry("HOTLINE_AGI_PORT", String.valueOf(FreePort.pick())), Map.entry("HOTLINE_AGI_BIND", "127.0.0.1"),
                Map.entry("HOTLINE_LINK110_URL", "http://127.0.0.1:" + FreePort.pick() + "/"),
                Map.entry("HOTLINE_LINK110_SECRET", "openapi-probe-shared-secret-0123")))));
    }

    /** The merged document: the service API's and every module's fragment, as the server serves it. */
    static JsonObject document() {
        return ApiRoutes.servedDocument(MergedOpenApiDocumentTest.FRAGMENTS);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + pathAndQuery);
    }

    String adminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", ADMIN_PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getString("token");
    }

    @Override
    public void close() {
        server.stop();
    }
}
