package org.hotline.search.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.testsupport.RealElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rebuild's bulk-load mode and byte-sized bulk requests, against a real Elasticsearch 8.19. */
@Timeout(300)
class ElasticBulkLoadIT {

    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void close() {
        await(VERTX.close());
    }

    @Test
    void bulkLoadStopsRefreshingEveryTicketIndexAndItsEndRestoresTheTemplateAndShowsEverything() throws Exception {
        String prefix = prefix("load");
        var search = open(prefix);
        await(search.index(List.of(ticket("t1", "2026-01-05T08:00:00Z"))));

        await(search.beginBulkLoad());
        await(search.index(List.of(ticket("t2", "2026-01-06T08:00:00Z"), ticket("t3", "2026-03-06T08:00:00Z"))));
        var during = refreshIntervals(prefix);
        await(search.endBulkLoad());

        assertThat(during).containsEntry(prefix + "-tickets-2026.01", "-1").containsEntry(prefix + "-tickets-2026.03", "-1");
        assertThat(refreshIntervals(prefix)).containsEntry(prefix + "-tickets-2026.01", "1s").containsEntry(prefix + "-tickets-2026.03", "1s");
        assertThat(await(search.search(query("路灯"), SearchScope.all())).total()).isEqualTo(3);
        await(search.close());
    }

    @Test
    void startingTheBackendUndoesABulkLoadThatNeverEnded() throws Exception {
        String prefix = prefix("crash");
        var crashed = open(prefix);
        await(crashed.beginBulkLoad());
        await(crashed.index(List.of(ticket("t1", "2026-02-01T08:00:00Z"))));
        await(crashed.close());

        var restarted = open(prefix);

        assertThat(refreshIntervals(prefix)).containsEntry(prefix + "-tickets-2026.02", "1s");
        await(restarted.close());
    }

    @Test
    void aBatchLargerThanOneBulkRequestIsSentInPiecesAndCountedWhole() {
        var search = open(prefix("split"));
        var tickets = new ArrayList<TicketDocument>();
        for (int i = 0; i < 60; i++) {
            tickets.add(TicketSnapshot.ticket("big" + i, Instant.parse("2026-04-01T08:00:00Z"))
                    .text("路灯不亮" + i, "路灯不亮，" + "已经持续一周，".repeat(3000)).document());
        }

        var outcome = await(search.index(tickets));
        await(search.index(tickets.subList(0, 10)));

        assertThat(outcome.indexed()).isEqualTo(60);
        assertThat(await(search.index(tickets.subList(0, 10))).stale()).isEqualTo(10);
        await(search.close());
    }

    private static TicketDocument ticket(String id, String received) {
        return TicketSnapshot.ticket(id, Instant.parse(received)).text("路灯不亮", "小区路灯不亮，已经持续一周").document();
    }

    private static TicketQuery query(String words) {
        return new TicketQuery(words, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 20, null);
    }

    private static String prefix(String name) {
        return "bl" + ProcessHandle.current().pid() + "-" + name;
    }

    private static ElasticTicketSearch open(String prefix) {
        var config = SearchConfig.defaults(Path.of("target")).withElasticsearch(List.of(RealElasticsearch.shared().url()), prefix);
        var search = new ElasticTicketSearch(VERTX, config, TicketSnapshot.SEGMENTER);
        await(search.start());
        return search;
    }

    /** Index name to its refresh interval as Elasticsearch reports it (defaults included). */
    private static TreeMap<String, String> refreshIntervals(String prefix) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(RealElasticsearch.shared().url() + "/" + prefix
                + "-tickets-*/_settings/index.refresh_interval?include_defaults=true")).GET().build();
        JsonNode body = TicketSnapshot.MAPPER.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        var intervals = new TreeMap<String, String>();
        body.fields().forEachRemaining(e -> {
            JsonNode set = e.getValue().path("settings").path("index").path("refresh_interval");
            intervals.put(e.getKey(), set.isMissingNode() ? e.getValue().path("defaults").path("index").path("refresh_interval").asText() : set.asText());
        });
        return intervals;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
