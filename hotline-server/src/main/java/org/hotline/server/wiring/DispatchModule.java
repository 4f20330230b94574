package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.hotline.core.app.TicketService;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.text.Segmenter;
import org.hotline.dispatch.Dispatch;
import org.hotline.dispatch.DispatchSettings;

/** The dispatch module ({@link Dispatch}, its entry point) as one of the server's modules. */
public final class DispatchModule implements Module {

    private final Dispatch dispatch;

    public DispatchModule(Vertx vertx, RedisAsyncCommands<String, String> redis, Segmenter segmenter, TicketService tickets,
                          Handler<RoutingContext> authentication, String nodeId, Clock clock, DispatchSettings settings) {
        this.dispatch = new Dispatch(vertx, redis, segmenter, tickets, authentication, nodeId, clock, settings);
    }

    @Override
    public String name() {
        return "dispatch";
    }

    @Override
    public Future<Void> start() {
        return dispatch.start();
    }

    /** Wired to {@code ApiOptions.categoryListener}. */
    public Future<Void> categoryChanged(CategoryCatalog.Entry entry) {
        return dispatch.categoryChanged(entry);
    }

    @Override
    public void mountBeforeApi(Router router) {
        dispatch.mountBeforeApi(router);
    }

    @Override
    public void mount(Router router) {
        dispatch.mount(router);
    }

    @Override
    public Future<Void> stop() {
        return dispatch.stop();
    }
}
