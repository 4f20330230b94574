package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import org.hotline.core.error.HotlineException;
import org.hotline.search.port.IndexOutcome;

/**
 * Reads a bulk answer item by item: a version conflict means a newer or equal version is already
 * indexed (stale, fine); 429 and 5xx are the cluster's trouble (the whole batch is retried, which is
 * safe because it is idempotent); any other refusal is the document's own fault and is parked.
 */
final class BulkOutcomes {

    private BulkOutcomes() {
    }

    static IndexOutcome of(BulkResponse response) {
        int indexed = 0;
        int stale = 0;
        var refused = new ArrayList<IndexOutcome.Refused>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                indexed++;
            } else if (item.status() == 409) {
                stale++;
            } else if (item.status() == 429 || item.status() >= 500) {
                throw HotlineException.unavailable("search.bulk-retry", "检索服务暂时不可用",
                        new IllegalStateException(item.error().type() + ": " + item.error().reason()));
            } else {
                long version = item.version() == null ? 0 : item.version();
                refused.add(new IndexOutcome.Refused(item.id(), version, item.error().type() + ": " + item.error().reason()));
            }
        }
        return new IndexOutcome(indexed, stale, refused);
    }

    /** The outcome of a batch sent as several bulk requests. */
    static IndexOutcome plus(IndexOutcome a, IndexOutcome b) {
        var refused = new ArrayList<IndexOutcome.Refused>(a.refused());
        refused.addAll(b.refused());
        return new IndexOutcome(a.indexed() + b.indexed(), a.stale() + b.stale(), refused);
    }
}
