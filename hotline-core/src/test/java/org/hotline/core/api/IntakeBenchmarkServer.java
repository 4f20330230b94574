package org.hotline.core.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;

/**
 * The API alone, for the web-intake benchmark (docs/benchmarks/api.md): {@code IntakeBenchmarkServer
 * <redisUri> <port>}. As in production except: the per-address intake limit is raised, since all load
 * comes from 127.0.0.1 (both counters are still counted in Redis; the per-phone limit keeps its
 * default, the generators use a new phone number per appeal), and no other module (dispatch,
 * search, telephony, Micrometer metrics) runs in the JVM. HTTP options are those of the server.
 */
public final class IntakeBenchmarkServer {

    private IntakeBenchmarkServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        RedisConnector connector = RedisConnector.create(vertx, RedisConfig.of(args[0]));
        ApiConfig config = ApiConfig.of(new AuthConfig("benchmark-secret-of-at-least-32-bytes!!", null, null, List.of()))
            .withIntakeLimits(10_000_000, ApiConfig.DEFAULT_INTAKE_PER_PHONE);
        connector.connect()
            .compose(connection -> RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults())
                .map(store -> new ApiRoutes(ApiParts.create(vertx, config, connection.async(),
                    new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(), TicketServiceConfig.defaults()),
                    Clock.systemUTC(), new PasswordHasher(1_000)), ApiOptions.none())))
            .compose(api -> api.start().map(api))
            // Application's options (compression offered; TCP_NODELAY is Vert.x's default)
            .compose(api -> vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(api.mount(Router.router(vertx))).listen(Integer.parseInt(args[1]), "127.0.0.1"))
            .onSuccess(server -> System.err.println("benchmark server listening on " + server.actualPort()))
            .onFailure(failure -> {
                failure.printStackTrace();
                System.exit(1);
            });
        // Vert.x threads do not keep the JVM alive on their own; the server runs until it is killed
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
