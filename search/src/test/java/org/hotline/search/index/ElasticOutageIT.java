package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;
import static org.hotline.search.index.IndexerHarness.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.stream.RedisKeys;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.DepartmentTally;
import org.hotline.search.port.TicketFacts;
import org.hotline.testsupport.RealElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch stops while tickets keep changing; after it comes back every change is searchable
 * and the department report equals a recomputation from the snapshots in Redis.
 */
class ElasticOutageIT {

    static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void changesMadeWhileElasticsearchIsDownAreAllSearchableAfterItReturns() {
        Vertx vertx = Vertx.vertx();
        RealElasticsearch es = RealElasticsearch.shared();
        try (var harness = new IndexerHarness(vertx, "outage" + ProcessHandle.current().pid())) {
            var config = harness.config(dir).withElasticsearch(List.of(es.url()), harness.prefix);
            var search = new ElasticTicketSearch(vertx, config, TicketSnapshot.SEGMENTER);
            await(search.start());
            harness.deploy(search, config);
            var latest = new HashMap<String, TicketSnapshot>();
            writeVersions(harness, latest, 0, 20, 1);
            harness.awaitIndexed(20);

            es.stop();
            writeVersions(harness, latest, 0, 20, 2);
            writeVersions(harness, latest, 20, 40, 1);
            assertThat(harness.indexedSoFar()).as("nothing is acknowledged while Elasticsearch is down").isEqualTo(20);
            es.start();

            harness.awaitIndexed(60);
            await(search.refresh());
            assertThat(harness.writer.sync().xpending(RedisKeys.TICKET_EVENTS, config.consumerGroup()).getCount()).isZero();
            var page = await(search.search(new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, 100, null), SearchScope.all()));
            assertThat(page.total()).isEqualTo(40);
            page.hits().forEach(h -> assertThat(h.ticket().version()).isEqualTo(latest.get(h.ticket().id()).document().version()));
            assertThat(await(search.search(TicketQuery.text("第二次", 50), SearchScope.all())).total()).isEqualTo(20);

            Instant asOf = DAY.plus(Duration.ofDays(30));
            var period = new Period(DAY.minus(Duration.ofDays(1)), DAY.plus(Duration.ofDays(40)));
            assertThat(await(search.departmentTallies(period, asOf))).isEqualTo(recomputeFromRedis(harness, asOf));
            await(search.close());
        } finally {
            es.start();
            await(vertx.close());
        }
    }

    private static void writeVersions(IndexerHarness harness, Map<String, TicketSnapshot> latest, int from, int to, int version) {
        for (int i = from; i < to; i++) {
            TicketSnapshot s = ticket("o" + i, DAY.plus(Duration.ofHours(i)))
                    .text(version == 1 ? "路灯不亮" : "路灯不亮 第二次反映", "路灯坏了" + i).version(version)
                    .department(i % 2 == 0 ? "D-ROADS" : "D-POWER").clock("HANDLE", Duration.ofDays(5));
            if (version == 2) {
                s.set("status", "REPLIED").after("repliedAt", Duration.ofDays(i % 3 == 0 ? 7 : 2)).reply("已修复");
            }
            latest.put("o" + i, s);
            harness.event(s, version == 1 ? "TicketReceived" : "TicketReplied");
        }
    }

    /** The newest snapshot of each ticket as the stream in Redis holds it, through the same facts. */
    private static Map<String, DepartmentTally> recomputeFromRedis(IndexerHarness harness, Instant asOf) {
        var newest = new HashMap<String, TicketDocument>();
        for (var entry : harness.writer.sync().xrange(RedisKeys.TICKET_EVENTS, io.lettuce.core.Range.create("-", "+"))) {
            TicketDocument t = TicketSnapshot.SNAPSHOTS.parse(entry.getBody().get("ticket"));
            newest.merge(t.id(), t, (a, b) -> a.version() >= b.version() ? a : b);
        }
        var expected = new TreeMap<String, DepartmentTally>();
        var docs = new ArrayList<>(newest.values());
        docs.forEach(t -> expected.merge(t.leadDepartment(), DepartmentTally.EMPTY.plus(TicketFacts.of(t, asOf)),
                (a, b) -> a.plus(TicketFacts.of(t, asOf))));
        return expected;
    }
}
