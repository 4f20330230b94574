package org.hotline.search.lucene;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commits of the embedded index on a {@link LuceneCommitPolicy}: every caller of
 * {@link #durable()} waits for the next commit that starts after its call, so one fsync covers every
 * batch written meanwhile instead of one fsync per batch.
 */
final class LuceneCommits {

    private final Vertx vertx;
    private final LuceneCommitPolicy policy;
    private final Callable<Void> commit;
    private final AtomicLong uncommitted = new AtomicLong();
    private Promise<Void> next;
    private long timer = -1;

    LuceneCommits(Vertx vertx, LuceneCommitPolicy policy, Callable<Void> commit) {
        this.vertx = vertx;
        this.policy = policy;
        this.commit = commit;
    }

    void written(int documents) {
        uncommitted.addAndGet(documents);
    }

    /** Completes on the caller's context once a commit that started after this call succeeded. */
    Future<Void> durable() {
        Context caller = vertx.getOrCreateContext();
        Future<Void> committed;
        boolean now;
        synchronized (this) {
            if (next == null) {
                next = Promise.promise();
                timer = vertx.setTimer(policy.interval().toMillis(), id -> commitNow());
            }
            committed = next.future();
            now = uncommitted.get() >= policy.maxDocs();
        }
        if (now) {
            commitNow();
        }
        Promise<Void> onCaller = Promise.promise();
        committed.onComplete(result -> caller.runOnContext(v -> onCaller.handle(result)));
        return onCaller.future();
    }

    /** Commits what was written so far, completing the callers waiting for it (also before closing). */
    Future<Void> commitNow() {
        Promise<Void> waiting;
        synchronized (this) {
            waiting = next;
            next = null;
            vertx.cancelTimer(timer);
        }
        Future<Void> done = vertx.executeBlocking(() -> {
            uncommitted.set(0);
            return commit.call();
        }, false);
        if (waiting != null) {
            done.onComplete(waiting);
        }
        return done;
    }
}
