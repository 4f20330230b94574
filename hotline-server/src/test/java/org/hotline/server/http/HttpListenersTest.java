package org.hotline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer on every core: several servers share one port, each on its own event loop. */
class HttpListenersTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void twoInstancesServeOnePortFromTwoEventLoops() throws Exception {
        var listening = await(HttpListeners.deploy(vertx, request -> request.response().end(Thread.currentThread().getName()),
                new HttpServerOptions().setHost("127.0.0.1").setPort(0), 2));
        assertThat(listening.port()).isPositive();

        // a new connection per request: Vert.x hands connections to the servers in turn
        var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            threads.add(await(client.request(HttpMethod.GET, listening.port(), "127.0.0.1", "/")
                    .compose(request -> request.send()).compose(response -> response.body())).toString());
        }
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
    }

    @Test
    void closingStopsEveryInstance() throws Exception {
        var listening = await(HttpListeners.deploy(vertx, request -> request.response().end("ok"),
                new HttpServerOptions().setHost("127.0.0.1").setPort(0), 3));
        await(HttpListeners.close(vertx, listening));

        var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        Future<?> refused = client.request(HttpMethod.GET, listening.port(), "127.0.0.1", "/").compose(request -> request.send());
        assertThat(refused.toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).get(30, TimeUnit.SECONDS))
                .as("nothing listens on the port any more").isNotNull();
    }
}
