package org.hotline.core.api;

import java.util.concurrent.CountDownLatch;
import org.hotline.testsupport.RealRedis;

/**
 * A real Redis (AOF everysec, the fixture's defaults) for benchmarks that run several JVMs against one
 * server, e.g. two {@link IntakeBenchmarkServer}s: prints {@code redis <uri>} and runs until the JVM is
 * stopped (SIGTERM), whose shutdown hook stops Redis.
 */
public final class BenchRedis {

    private BenchRedis() {
    }

    public static void main(String[] args) throws InterruptedException {
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults());
        System.out.println("redis " + redis.uri());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
