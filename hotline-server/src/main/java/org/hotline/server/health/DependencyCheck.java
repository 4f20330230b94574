package org.hotline.server.health;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One dependency the server needs (or may use). {@code required} dependencies decide readiness;
 * optional ones (telephony, 110) are listed but do not make the server unready.
 */
public interface DependencyCheck {

    String name();

    boolean required();

    /** Completes with a short detail when healthy, fails when not; must time out on its own. */
    Future<String> check();

    /** A check made of its parts; {@code probe} must be cheap, it runs on every /health request. */
    static DependencyCheck of(String name, boolean required, Supplier<Future<String>> probe) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Future<String> check() {
                return probe.get();
            }
        };
    }

    static DependencyCheck disabled(String name, String why) {
        return of(name, false, () -> Future.succeededFuture("disabled: " + why));
    }
}
