package org.hotline.server.health;

import io.vertx.core.Future;

/**
 * One dependency the server needs (or may use). {@code required} dependencies decide readiness;
 * optional ones (telephony, 110) are listed but do not make the server unready.
 */
public interface DependencyCheck {

    String name();

    boolean required();

    /** Completes with a short detail when healthy, fails when not; must time out on its own. */
    Future<String> check();

    static DependencyCheck disabled(String name, String why) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return false;
            }

            @Override
            public Future<String> check() {
                return Future.succeededFuture("disabled: " + why);
            }
        };
    }
}
