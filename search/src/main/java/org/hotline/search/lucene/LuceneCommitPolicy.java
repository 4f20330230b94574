package org.hotline.search.lucene;

import java.time.Duration;
import java.util.Objects;

/**
 * When the embedded index commits (fsyncs): {@code interval} after the first write a caller waits on,
 * or at once when {@code maxDocs} documents are uncommitted. Until then writes are searchable (near
 * real time) but not durable; the stream entries behind them stay unacknowledged, so a crash replays
 * them (search README, "Delivery guarantees").
 */
public record LuceneCommitPolicy(Duration interval, int maxDocs) {

    /** One fsync a second at most under steady load, one per 10,000 documents under a backlog. */
    public static final LuceneCommitPolicy DEFAULT = new LuceneCommitPolicy(Duration.ofSeconds(1), 10_000);

    public LuceneCommitPolicy {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero() || maxDocs < 1) {
            throw new IllegalArgumentException("commit interval and size must be positive");
        }
    }
}
