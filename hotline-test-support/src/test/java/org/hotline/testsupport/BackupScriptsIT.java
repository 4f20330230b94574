package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore scripts of scripts/, run end to end against the real servers. */
@Timeout(600)
class BackupScriptsIT {

    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path backups;

    @Test
    void redisSnapshotTakenOnlineComesBackAfterTheDataWasWiped() throws Exception {
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults());
        try {
            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                client.call("SET", "ticket:12345-20261122-000001", "{\"status\":\"受理\"}");
                client.call("XADD", "hotline:stream:ticket-events", "*", "type", "TicketReceived");
            }
            Path snapshot = backups.resolve("redis.rdb");
            HostCommand.run(SCRIPTS.resolve("redis-backup").toString(), redis.uri(), snapshot.toString());
            redis.stop();
            HostCommand.run(SCRIPTS.resolve("redis-restore").toString(), snapshot.toString(), redis.dataDir().toString());

            redis.start();

            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                assertThat(client.call("GET", "ticket:12345-20261122-000001")).isEqualTo("{\"status\":\"受理\"}");
                assertThat(client.call("XLEN", "hotline:stream:ticket-events")).isEqualTo("1");
                assertThat(client.call("CONFIG", "GET", "appendonly")).isEqualTo("appendonly\nyes");
            }
        } finally {
            redis.stop();
        }
    }

    @Test
    void elasticsearchSnapshotRestoresAnIndexThatWasDeleted() throws Exception {
        RealElasticsearch es = RealElasticsearch.shared();
        send("PUT", es.url() + "/tickets-backup-test/_doc/1?refresh=true", "{\"title\":\"路灯不亮\"}");
        String location = es.snapshotDir().resolve("hotline").toString();

        HostCommand.run(SCRIPTS.resolve("es-snapshot").toString(), es.url(), location, "before-wipe", "tickets-backup-test");
        send("DELETE", es.url() + "/tickets-backup-test", null);
        HostCommand.run(SCRIPTS.resolve("es-restore").toString(), es.url(), location, "before-wipe", "tickets-backup-test");

        HttpResponse<String> back = send("GET", es.url() + "/tickets-backup-test/_doc/1", null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("路灯不亮");
    }

    private HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
