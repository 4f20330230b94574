package org.hotline.core.stream.bench;

import io.vertx.core.Future;
import org.hotline.core.stream.group.Handled;

/**
 * The baseline of {@link StreamConsumerBench}: a ticket-event group whose handler does nothing, so its figures are
 * the mechanism's (read, type, acknowledge) plus the feeding's; every real consumer's figures are read against it.
 * Run: {@code java -cp <hotline-core test classpath> org.hotline.core.stream.bench.MechanismConsumerBenchmark
 * [backlog=30000] [rate=5000] [seconds=10]}.
 */
public final class MechanismConsumerBenchmark {

    private MechanismConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StreamConsumerBench.run("mechanism", (env, group, progress) -> env.vertx().deployVerticle(StreamConsumerBench.group(env, group,
                200, batch -> Future.succeededFuture(Handled.all()), progress)), args);
        System.exit(0);
    }
}
