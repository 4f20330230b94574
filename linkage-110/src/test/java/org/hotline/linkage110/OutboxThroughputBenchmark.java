package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.linkage110.LinkageHarness.await;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.linkage110.transfer.Transfer;
import org.hotline.linkage110.transfer.TransferRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not part of the build (no *Test/*IT name). Run with
 * {@code ./mvnw -q -o -B -pl linkage-110 verify -Dit.test=OutboxThroughputBenchmark}: sends N work
 * orders through the outbox to the simulated 110 platform and logs how long until all are delivered
 * and until all are closed with a result.
 */
class OutboxThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxThroughputBenchmark.class);
    private static final int N = Integer.getInteger("linkage.bench.n", 500);

    @Test
    void outboxDeliversAndClosesTheLoopForManyOrders() throws Exception {
        try (PeerProcess peer = PeerProcess.start(LinkageHarness.SECRET);
             LinkageHarness ours = new LinkageHarness(LinkageHarness.config(peer.exchangeUrl()))) {
            peer.admin("/admin/hotline", new JsonObject().put("url", ours.url()));
            long start = System.nanoTime();
            List<Future<Transfer>> sends = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                sends.add(ours.linkage.outgoing().send(new TransferRequest("t-" + i, null, "T110-01", "盗窃" + i, "",
                        null, null, null, null)));
            }
            await(Future.all(sends));
            long queued = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> counter(ours, "to110.delivered") >= N);
            long delivered = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> counter(ours, "to110.resulted") >= N);
            long closed = System.nanoTime();
            LOG.info("benchmark [n={}, queueMs={}, deliveredMs={}, closedLoopMs={}, deliveredPerSecond={}]", N,
                    (queued - start) / 1_000_000, (delivered - start) / 1_000_000, (closed - start) / 1_000_000,
                    N * 1_000_000_000L / (delivered - start));
            assertThat(peer.state().getJsonArray("orders")).hasSize(N);
        }
    }

    private static long counter(LinkageHarness ours, String name) {
        String value = ours.connection.sync().hget(LinkageKeys.STATS, name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
