package org.hotline.linkage110.bench;

import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import org.hotline.core.stream.bench.StreamConsumerBench;
import org.hotline.core.stream.bench.StreamConsumerBench.Env;
import org.hotline.core.stream.bench.StreamConsumerBench.Progress;
import org.hotline.core.stream.bench.StreamConsumerBench.Subject;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.transfer.TicketResultWatcher;
import org.hotline.linkage110.transfer.TicketTrail;
import org.hotline.linkage110.transfer.WebAppealScreener;

/**
 * The 110 linkage's two ticket-event consumers, each measured alone by {@link StreamConsumerBench} with its real
 * handler on real Redis: {@code screener} ({@link WebAppealScreener}: every self-service appeal checked against the
 * published 12345 → 110 list, a match pushed to the outbox once) and {@code results} ({@link TicketResultWatcher}: the
 * transfer of every assigned, signed, replied or refused ticket looked up, progress reported for police orders).
 * The mix has no police orders, so the watcher's work is the lookup; one fresh appeal in nine describes a fight, so
 * the screener pushes about a third of those (the self-service ones) — far more than real traffic. The outbox's own
 * delivery is not a ticket-event consumer (measured by {@code OutboxThroughputBenchmark}). Run: {@code java -cp
 * <linkage-110 test classpath> org.hotline.linkage110.bench.LinkageConsumersBenchmark consumer=screener|results [...]}.
 */
public final class LinkageConsumersBenchmark {

    private LinkageConsumersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String consumer = Arrays.stream(args).filter(a -> a.startsWith("consumer=")).map(a -> a.substring(9)).findFirst()
                .orElse("screener");
        StreamConsumerBench.run("linkage-" + consumer, new Subject() {

            private Linkage110 linkage;

            @Override
            public Future<Void> prepare(Env env) {
                // the peer is never called: the outbox is not deployed
                linkage = new Linkage110(env.vertx(), env.connection().async(),
                        Linkage110Config.defaults(URI.create("http://127.0.0.1:9"), "bench-shared-secret-0123456789"),
                        order -> Future.failedFuture("no police orders in this benchmark"), TicketTrail.WITHOUT_TICKETS, Clock.systemUTC());
                return linkage.seedLists();
            }

            @Override
            public Future<String> deploy(Env env, String group, Progress progress) {
                return env.vertx().deployVerticle(StreamConsumerBench.group(env, group, 200, switch (consumer) {
                    case "screener" -> new WebAppealScreener(new RedisOps(env.vertx(), env.connection().async()), linkage.lists(),
                            linkage.outgoing());
                    case "results" -> new TicketResultWatcher(linkage.transfers(), linkage.incoming());
                    default -> throw new IllegalArgumentException("consumer=screener|results, not " + consumer);
                }, progress));
            }
        }, args);
        System.exit(0);
    }
}
