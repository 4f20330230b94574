package org.hotline.dispatch.classify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * When the classifier retrains from the whole corpus: whenever new examples arrived, but never more
 * often than a bounded share of one core allows. After a retraining that took {@code t}, the next one
 * waits {@code t × (1 − share) / share} (at least {@code minPause}), so retraining costs at most
 * {@code share} of a core however large the corpus grows, instead of a whole-corpus run every N closed
 * tickets (issue 21, item 4). Examples that arrive meanwhile are all taken by the next run.
 */
public final class RetrainSchedule {

    /** A tenth of one core; at least a minute between runs. */
    public static final double DEFAULT_SHARE = 0.1;
    public static final Duration DEFAULT_MIN_PAUSE = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final Supplier<Future<?>> retrain;
    private final double share;
    private final long minPauseNanos;
    private boolean waiting;
    private boolean running;
    private long timer = -1;
    private long notBeforeNanos = Long.MIN_VALUE;

    public RetrainSchedule(Vertx vertx, Supplier<Future<?>> retrain, double share, Duration minPause) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("retraining share must be within (0, 1]");
        }
        this.vertx = vertx;
        this.retrain = retrain;
        this.share = share;
        this.minPauseNanos = minPause.toNanos();
    }

    /** New examples are in the corpus: retrain as soon as the budget allows. */
    public synchronized void examplesAdded() {
        waiting = true;
        maybeRun();
    }

    private synchronized void maybeRun() {
        if (!waiting || running || timer >= 0) {
            return;
        }
        long wait = notBeforeNanos - System.nanoTime();
        if (notBeforeNanos != Long.MIN_VALUE && wait > 0) {
            timer = vertx.setTimer(Math.max(1, wait / 1_000_000), id -> {
                synchronized (this) {
                    timer = -1;
                }
                maybeRun();
            });
            return;
        }
        waiting = false;
        running = true;
        long start = System.nanoTime();
        retrain.get().onComplete(done -> finished(System.nanoTime() - start));
    }

    private void finished(long tookNanos) {
        synchronized (this) {
            running = false;
            notBeforeNanos = System.nanoTime() + Math.max(minPauseNanos, (long) (tookNanos * (1 - share) / share));
        }
        maybeRun();
    }
}
