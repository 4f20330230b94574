package org.hotline.linkage110;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.linkage110.api.Linkage110Routes;
import org.hotline.linkage110.transfer.PoliceOrderIntake;
import org.hotline.testsupport.RealRedis;

/**
 * Our side of the exchange for integration tests: the shared real Redis (hotline-test-support), the linkage assembled as
 * hotline-server will assemble it, its routes on a free port and the outbox verticle deployed.
 */
final class LinkageHarness implements AutoCloseable {

    static final String SECRET = "test-shared-secret-0123456789";
    // database 11 is this module's own, so the flush cannot touch another module's test data
    private static final String REDIS_URI = RealRedis.shared().uri() + "/11";

    final Vertx vertx = Vertx.vertx();
    final RedisClient client;
    final StatefulRedisConnection<String, String> connection;
    final RecordingIntake intake = new RecordingIntake();
    final Linkage110 linkage;
    final HttpServer server;
    private String deployment;
    private final String watcher;

    LinkageHarness(Linkage110Config config) throws Exception {
        this(config, null);
    }

    /** With {@code intake} null the recording intake is used. */
    LinkageHarness(Linkage110Config config, PoliceOrderIntake intake) throws Exception {
        client = RedisClient.create(REDIS_URI);
        connection = client.connect();
        connection.sync().flushdb();
        linkage = new Linkage110(vertx, connection.async(), config, intake == null ? this.intake : intake,
                Clock.systemUTC());
        await(linkage.seedLists());
        Router router = Router.router(vertx);
        Linkage110Routes.mount(router, linkage, ctx -> ctx.next(), ctx -> ctx.next());
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        deployment = await(vertx.deployVerticle(linkage.outboxVerticle()));
        watcher = await(vertx.deployVerticle(linkage.ticketResultWatcher()));
    }

    static String redisUri() {
        return REDIS_URI;
    }

    static Linkage110Config config(java.net.URI peerUrl) {
        return Linkage110Config.defaults(peerUrl, SECRET).withRetry(Duration.ofMillis(1000), 5,
                Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(50));
    }

    /** Stops the outbox verticle as a crash would: pending stream entries stay in Redis. */
    void stopOutbox() throws Exception {
        await(vertx.undeploy(deployment));
        deployment = null;
    }

    void startOutbox() throws Exception {
        deployment = await(vertx.deployVerticle(linkage.outboxVerticle()));
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(vertx.undeploy(watcher));
        if (deployment != null) {
            await(vertx.undeploy(deployment));
        }
        await(vertx.close());
        connection.close();
        client.shutdown();
    }
}
