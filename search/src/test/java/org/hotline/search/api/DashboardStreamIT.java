package org.hotline.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Actor;
import org.hotline.core.port.DashboardCounters;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.dashboard.DashboardFeed;
import org.hotline.search.dashboard.DashboardRoutes;
import org.hotline.search.dashboard.DashboardSummary;
import org.hotline.search.dashboard.SearchedDashboardCounters;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.report.ReportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's event stream sends the numbers on connect and fresh ones after the indexer indexed a
 * change, computed once per refresh for every connected dashboard.
 */
class DashboardStreamIT {

    @TempDir
    Path dir;

    @Test
    void theStreamPushesNewNumbersWhenATicketChanges() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var config = SearchConfig.defaults(dir);
            var search = LuceneTicketSearch.open(vertx, dir.resolve("index"), TicketSnapshot.SEGMENTER, config.zone());
            Instant now = Instant.parse("2026-11-20T04:00:00Z");
            int port = serve(vertx, search, new SearchedDashboardCounters(search, config.zone()), config.zone(), now);

            List<JsonObject> events = new ArrayList<>();
            Promise<Void> first = Promise.promise();
            Promise<Void> second = Promise.promise();
            open(vertx, port, events, first, second);
            await(first.future());
            assertThat(events.get(0).getJsonObject("open").getLong("total")).isZero();

            await(search.index(List.of(ticket("d1", now.minusSeconds(60)).text("路灯不亮", "路灯坏了").document())));
            await(search.refresh());
            vertx.eventBus().publish(StreamIndexer.INDEXED_ADDRESS, 1);
            await(second.future());
            assertThat(events.get(1).getJsonObject("open").getLong("total")).isEqualTo(1);
            assertThat(events.get(1).getJsonObject("today").getLong("total")).isEqualTo(1);
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void theNumbersAreComputedOncePerRefreshForEveryConnectedDashboard() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var config = SearchConfig.defaults(dir);
            var search = LuceneTicketSearch.open(vertx, dir.resolve("index"), TicketSnapshot.SEGMENTER, config.zone());
            Instant now = Instant.parse("2026-11-20T04:00:00Z");
            var searched = new SearchedDashboardCounters(search, config.zone());
            AtomicInteger reads = new AtomicInteger();
            DashboardCounters counting = (at, today, days) -> {
                reads.incrementAndGet();
                return searched.read(at, today, days);
            };
            int port = serve(vertx, search, counting, config.zone(), now);

            List<List<JsonObject>> dashboards = new ArrayList<>();
            List<Promise<Void>> refreshed = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                List<JsonObject> events = new ArrayList<>();
                Promise<Void> first = Promise.promise();
                Promise<Void> second = Promise.promise();
                open(vertx, port, events, first, second);
                await(first.future());
                dashboards.add(events);
                refreshed.add(second);
            }
            assertThat(reads.get()).as("the first dashboard computed, the others got its numbers").isEqualTo(1);

            await(search.index(List.of(ticket("d1", now.minusSeconds(60)).text("路灯不亮", "路灯坏了").document())));
            await(search.refresh());
            vertx.eventBus().publish(StreamIndexer.INDEXED_ADDRESS, 1);
            for (Promise<Void> second : refreshed) {
                await(second.future());
            }
            assertThat(reads.get()).as("one computation for five dashboards").isEqualTo(2);
            assertThat(dashboards).allSatisfy(events -> assertThat(events.get(1).getJsonObject("open").getLong("total")).isEqualTo(1));
        } finally {
            await(vertx.close());
        }
    }

    /** The dashboard routes as a supervisor sees them, on a fixed clock; returns the port. */
    private static int serve(Vertx vertx, TicketSearch search, DashboardCounters counters, ZoneId zone, Instant now)
            throws Exception {
        var summary = new DashboardSummary(search, new ReportService(search, zone, 0.8), counters, zone,
                Clock.fixed(now, ZoneId.of("UTC")), d -> d);
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            Authenticated.set(ctx, Actor.supervisor("u1", "班长"));
            ctx.next();
        });
        new DashboardRoutes(vertx, summary, new DashboardFeed(vertx, summary, 1000, 60_000)).mount(router);
        return await(vertx.createHttpServer().requestHandler(router).listen(0)).actualPort();
    }

    private static void open(Vertx vertx, int port, List<JsonObject> events, Promise<Void> first, Promise<Void> second)
            throws Exception {
        var request = await(vertx.createHttpClient().request(new RequestOptions().setMethod(HttpMethod.GET)
                .setHost("127.0.0.1").setPort(port).setURI("/api/v1/dashboard/stream")));
        StringBuilder buffer = new StringBuilder();
        await(request.send().onSuccess(r -> r.handler(chunk -> {
            buffer.append(chunk.toString());
            int end;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
                String block = buffer.substring(0, end);
                buffer.delete(0, end + 2);
                if (block.startsWith("event: summary")) {
                    events.add(new JsonObject(block.substring(block.indexOf("data: ") + 6)));
                    (events.size() == 1 ? first : second).tryComplete();
                }
            }
        })));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
