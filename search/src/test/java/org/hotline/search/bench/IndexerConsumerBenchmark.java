package org.hotline.search.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.core.stream.bench.StreamConsumerBench;
import org.hotline.core.stream.bench.StreamConsumerBench.Env;
import org.hotline.core.stream.bench.StreamConsumerBench.Progress;
import org.hotline.core.stream.bench.StreamConsumerBench.Subject;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.index.StreamEntries;
import org.hotline.search.index.StreamIndexer;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.TicketSearch;

/**
 * The search indexer measured by {@link StreamConsumerBench}: the real {@link StreamIndexer} (its own group and
 * blocking connection, lean entries' snapshots read from the ticket hashes the real ticket service wrote) into the
 * embedded Lucene backend in a temporary directory, with the server's batch (500) and idle (100 ms). "Handled" is
 * the indexer's own report that a batch was written (searchable on Lucene), so the rate phase's lag is intake →
 * indexed. Run: {@code java -cp <search test classpath> org.hotline.search.bench.IndexerConsumerBenchmark [...]}.
 */
public final class IndexerConsumerBenchmark {

    private IndexerConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("indexer-bench");
        StreamConsumerBench.run("search-indexer", new Subject() {

            private TicketSearch search;

            @Override
            public Future<Void> prepare(Env env) {
                search = LuceneTicketSearch.open(env.vertx(), dir, TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
                // HanLP loads its dictionaries on first use: not part of the figures
                TicketSnapshot.SEGMENTER.words("人民路夜市占道经营，垃圾没人清理");
                return Future.succeededFuture();
            }

            @Override
            public Future<String> deploy(Env env, String group, Progress progress) {
                SearchConfig config = new SearchConfig(List.of(), "bench", dir, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(30), 0.8,
                        group, "bench-1", 500, Duration.ofMillis(100));
                return env.connector().connect().compose(connection -> env.vertx().deployVerticle(new VerticleBase() {
                    @Override
                    public Future<?> start() {
                        vertx.eventBus().<Integer>consumer(StreamIndexer.INDEXED_ADDRESS, m -> progress.handledInOrder(m.body()));
                        return vertx.deployVerticle(new StreamIndexer(search, connection,
                                new StreamEntries(TicketSnapshot.SNAPSHOTS, TicketSnapshot.MAPPER), config));
                    }
                }));
            }
        }, args);
        System.exit(0);
    }
}
