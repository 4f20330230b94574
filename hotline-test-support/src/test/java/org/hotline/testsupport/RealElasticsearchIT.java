package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(600)
class RealElasticsearchIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sharedServerIndexesAndFindsChineseTextByPhrase() throws Exception {
        RealElasticsearch es = RealElasticsearch.shared();

        HttpResponse<String> indexed = send("PUT", es.url() + "/appeals/_doc/1?refresh=true",
                "{\"title\":\"小区噪音扰民\",\"content\":\"晚上十点后施工噪音很大\"}");
        HttpResponse<String> found = send("POST", es.url() + "/appeals/_search",
                "{\"query\":{\"match_phrase\":{\"content\":\"施工噪音\"}}}");

        assertThat(indexed.statusCode()).isEqualTo(201);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"total\":{\"value\":1").contains("小区噪音扰民");
        assertThat(found.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
    }

    @Test
    void stoppedServerRefusesConnectionsAndComesBackWithItsData() throws Exception {
        RealElasticsearch es = RealElasticsearch.shared();
        send("PUT", es.url() + "/durable/_doc/7?refresh=true", "{\"status\":\"signed\"}");

        es.stop();
        assertThat(es.healthy()).isFalse();
        es.start();

        HttpResponse<String> back = send("GET", es.url() + "/durable/_doc/7", null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("\"status\":\"signed\"");
    }

    @Test
    void crashedServerComesBackWithWhatItAcknowledged() throws Exception {
        RealElasticsearch es = RealElasticsearch.shared();
        // The translog is fsynced per request by default, so an acknowledged write survives SIGKILL.
        send("PUT", es.url() + "/crashy/_doc/1", "{\"status\":\"returned\"}");

        es.crash();
        es.start();

        HttpResponse<String> back = send("GET", es.url() + "/crashy/_doc/1", null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("\"status\":\"returned\"");
    }

    private HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
