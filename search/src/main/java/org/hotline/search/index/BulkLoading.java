package org.hotline.search.index;

import io.vertx.core.Future;

/**
 * A backend that indexes faster when told that a large load is coming (Elasticsearch: no refresh
 * and no replicas until the end). {@link SearchRebuild} brackets its work with these calls; the
 * backend must be back to normal after {@link #endBulkLoad()} whether or not the load succeeded.
 */
public interface BulkLoading {

    Future<Void> beginBulkLoad();

    /** Restores the normal settings and makes everything loaded visible to searches. */
    Future<Void> endBulkLoad();
}
