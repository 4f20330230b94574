package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.stream.RedisKeys;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.RealElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /metrics carries the server's own figures, with values taken from a working server. */
@Timeout(300)
class OperationsMetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void metricsShowRedisLatencyStreamBacklogsSlaAlarmsAndDependencies() throws Exception {
        HotlineServer.Running server = HotlineServer.start(ConfigLoader.load(Map.of("HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1", "HOTLINE_ES_URLS", RealElasticsearch.shared().url())));
        try {
            String ticketId = fileAnAppeal(server);
            RedisClient client = RedisClient.create(server.embeddedRedis().uri());
            try (StatefulRedisConnection<String, String> redis = client.connect()) {
                // an alarm due now: the scheduler fires it (refused as stale by the ticket, but fired and counted)
                long now = System.currentTimeMillis();
                redis.sync().zadd(RedisKeys.SLA_ALARMS, now, ticketId + "|HANDLE|YELLOW|" + now);
            } finally {
                client.shutdown();
            }

            // published at once in duty hours, else held for the next duty start (the clock counts working days)
            String metrics = awaitMetrics(server, "hotline_sla_notifications_deferred 1.0", "hotline_sla_alarms_fired_total{level=\"YELLOW\"} 1.0");

            assertThat(value(metrics, "hotline_redis_command_latency_seconds{command=\"EVALSHA\",stat=\"max\"}")).isPositive();
            assertThat(value(metrics, "hotline_redis_commands_total{command=\"EVALSHA\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "hotline_stream_pending{group=\"search-indexer\",stream=\"ticket-events\"}")).isNotNegative();
            assertThat(value(metrics, "hotline_stream_lag{group=\"search-indexer\",stream=\"ticket-events\"}")).isNotNegative();
            assertThat(value(metrics, "hotline_sla_alarms_armed")).isNotNegative();
            assertThat(value(metrics, "hotline_dependency_up{dependency=\"redis\"}")).isEqualTo(1);
            assertThat(value(metrics, "hotline_dependency_up{dependency=\"search\"}")).isEqualTo(1);
            assertThat(value(metrics, "hotline_dependency_probe_seconds_count{dependency=\"search\"}")).isPositive();
            assertThat(metrics).as("switched-off dependencies are not reported as up").doesNotContain("dependency=\"telephony\"");
        } finally {
            server.stop();
        }
    }

    private static String fileAnAppeal(HotlineServer.Running server) throws Exception {
        String body = new JsonObject().put("title", "噪音扰民").put("content", "小区旁工地夜间施工，噪音很大，影响休息，请有关部门处理。")
                .put("appealType", "COMPLAINT").put("phone", "13922223333").put("name", "钱七").put("district", "东城区")
                .put("address", "人民路").encode();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                + "/api/v1/appeals")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        RedisClient client = RedisClient.create(server.embeddedRedis().uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            return redis.sync().get("hotline:number:" + new JsonObject(response.body()).getString("ticketNumber"));
        } finally {
            client.shutdown();
        }
    }

    /** Figures are sampled every 10 s: polls until the awaited line appears. */
    private static String awaitMetrics(HotlineServer.Running server, String... anyOf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String metrics = "";
        while (java.util.Arrays.stream(anyOf).noneMatch(metrics::contains)
                || !metrics.contains("hotline_redis_command_latency_seconds{command=\"EVALSHA\"")) {
            assertThat(System.nanoTime()).as("metrics within 90 s; last scrape:\n" + metrics).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
            metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        return metrics;
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
