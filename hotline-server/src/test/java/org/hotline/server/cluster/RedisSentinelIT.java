package org.hotline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HOTLINE_REDIS_URI=redis-sentinel://...: the server finds the master through a real Sentinel, and
 * when the master dies and the Sentinel promotes the replica, intake continues on the new master
 * with the tickets written before the failover still there.
 */
@Timeout(300)
class RedisSentinelIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @TempDir
    Path dataDir;

    private final ClusterApi api = new ClusterApi("http://127.0.0.1:1");

    @Test
    void theStoreWorksThroughSentinelAndKeepsWritingAfterTheMasterFailsOver() throws Exception {
        try (SentinelGroup group = SentinelGroup.start()) {
            api.await(Duration.ofSeconds(60), group::replicaKnown);
            HotlineServer.Running server = HotlineServer.start(ConfigLoader.load(Map.of("HOTLINE_DATA_DIR", dataDir.toString(),
                    "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1", "HOTLINE_REDIS_URI", group.uri(),
                    "HOTLINE_JWT_SECRET", "sentinel-it-secret-0123456789-abcdefghij",
                    "HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", ClusterApi.ADMIN_PASSWORD)));
            try {
                JsonObject before = new JsonObject(appeal(server, "13911110001").body());
                // replication is asynchronous: only a write the replica acknowledged survives the master's crash
                api.await(Duration.ofSeconds(60), () -> (Long) SentinelGroup.run(group.master, redis -> redis.waitForReplication(1, 2000)) >= 1);

                group.master.crash();
                api.await(Duration.ofSeconds(90), () -> group.masterPortNow() == group.replica.port());
                HttpResponse<String> after = null;
                for (int attempt = 0; attempt < 120 && (after == null || after.statusCode() != 201); attempt++) {
                    after = appeal(server, "13911110002"); // refused fast (503) until the client reconnects
                    if (after.statusCode() != 201) {
                        Thread.sleep(500);
                    }
                }

                assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                assertThat(progress(server, before).statusCode()).as("a ticket written before the failover").isEqualTo(200);
                assertThat(progress(server, new JsonObject(after.body())).statusCode()).isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> appeal(HotlineServer.Running server, String phone) throws Exception {
        String body = new JsonObject().put("title", "路灯不亮").put("content", "人民路口的路灯坏了一个星期，晚上很黑，请尽快修理。")
                .put("appealType", "COMPLAINT").put("phone", phone).put("name", "赵六").put("district", "东城区")
                .put("address", "人民路").put("idempotencyKey", "sentinel-" + phone).encode();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/v1/appeals"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> progress(HotlineServer.Running server, JsonObject receipt) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/v1/appeals/"
                + receipt.getString("ticketNumber") + "?queryCode=" + receipt.getString("queryCode"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
