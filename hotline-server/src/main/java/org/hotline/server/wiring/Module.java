package org.hotline.server.wiring;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import org.hotline.server.health.DependencyCheck;

/**
 * One module as the server assembles it: started after the core is up, mounted on the root router
 * (after the service API, so its token check already guards {@code /api/v1/*}), stopped in reverse.
 */
public interface Module {

    String name();

    Future<Void> start();

    /**
     * Routes that must come before the service API's own handlers on {@code /api/v1/*} (its 64 KiB
     * body limit), e.g. a bulk import that authenticates itself.
     */
    default void mountBeforeApi(Router router) {
    }

    void mount(Router router);

    default List<DependencyCheck> checks() {
        return List.of();
    }

    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
