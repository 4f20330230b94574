package org.hotline.server.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP layer on every core: {@code instances} HTTP servers on one port, each in a verticle of its own
 * (so on its own event loop); Vert.x hands each new connection to the next server in turn. They share one
 * request handler (the router), so every handler must be safe on several event loops at once: state that
 * matters lives in Redis (rate limits), in atomics (overload shedding) or per connection on the
 * connection's own event loop (SSE). Port 0 (any free one) becomes Vert.x's -1: servers bound to the same
 * negative port share one random port (bound to 0, each would get a port of its own).
 */
public final class HttpListeners {

    /** The port the servers listen on and the deployment to undeploy to close them. */
    public record Listening(int port, String deployment) {
    }

    private HttpListeners() {
    }

    public static Future<Listening> deploy(Vertx vertx, Handler<HttpServerRequest> handler, HttpServerOptions options, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one HTTP server instance");
        }
        HttpServerOptions shared = new HttpServerOptions(options).setPort(options.getPort() == 0 ? -1 : options.getPort());
        AtomicInteger port = new AtomicInteger();
        return vertx.deployVerticle(() -> new Listener(handler, shared, port), new DeploymentOptions().setInstances(instances))
                .map(id -> new Listening(port.get(), id));
    }

    /** Undeploys the servers: each stops accepting, and Vert.x closes it with its verticle. */
    public static Future<Void> close(Vertx vertx, Listening listening) {
        return vertx.undeploy(listening.deployment());
    }

    /** One HTTP server; Vert.x closes it when the verticle is undeployed. */
    private static final class Listener extends VerticleBase {

        private final Handler<HttpServerRequest> handler;
        private final HttpServerOptions options;
        private final AtomicInteger port;

        Listener(Handler<HttpServerRequest> handler, HttpServerOptions options, AtomicInteger port) {
            this.handler = handler;
            this.options = options;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handler).listen().onSuccess(server -> port.set(server.actualPort()));
        }
    }
}
