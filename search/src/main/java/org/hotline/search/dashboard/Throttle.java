package org.hotline.search.dashboard;

import io.vertx.core.Vertx;

/** Runs an action at most once per interval however often it is requested; the last request is never lost. */
final class Throttle {

    private final Vertx vertx;
    private final long intervalMs;
    private final Runnable action;
    private long timer = -1;
    private boolean requestedDuringWait;
    private boolean cancelled;

    Throttle(Vertx vertx, long intervalMs, Runnable action) {
        this.vertx = vertx;
        this.intervalMs = intervalMs;
        this.action = action;
    }

    void request() {
        if (cancelled) {
            return;
        }
        if (timer >= 0) {
            requestedDuringWait = true;
            return;
        }
        action.run();
        timer = vertx.setTimer(intervalMs, id -> {
            timer = -1;
            if (requestedDuringWait) {
                requestedDuringWait = false;
                request();
            }
        });
    }

    void cancel() {
        cancelled = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
