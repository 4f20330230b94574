package org.hotline.search.rebuild;

import io.vertx.core.Context;
import io.vertx.core.Future;

/** A rebuild of the search index from Redis, run once on the given context (the index package's {@code SearchRebuild}). */
public interface Rebuilder {

    /** What a rebuild read: ticket hashes, then stream entries. */
    record Counts(long tickets, long entries) {
    }

    Future<Counts> rebuild(Context context);
}
