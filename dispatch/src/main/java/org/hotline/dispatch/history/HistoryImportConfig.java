package org.hotline.dispatch.history;

import java.time.Duration;

/**
 * @param trainWait   how long the import answer waits for the retrained model before answering
 *                    {@code trained:false} with a hint how to wait
 * @param maxBodyBytes largest accepted import body
 * @param batchSize    lines written to Redis concurrently
 */
public record HistoryImportConfig(Duration trainWait, long maxBodyBytes, int batchSize) {

    public HistoryImportConfig {
        if (trainWait == null || trainWait.isNegative()) {
            throw new IllegalArgumentException("trainWait must be zero or positive");
        }
        if (maxBodyBytes < 1024 || batchSize < 1) {
            throw new IllegalArgumentException("maxBodyBytes >= 1024 and batchSize >= 1 required");
        }
    }

    /** Waits up to 2 minutes for training, accepts up to 256 MiB (about 200,000 tickets), 500 lines at once. */
    public static HistoryImportConfig defaults() {
        return new HistoryImportConfig(Duration.ofMinutes(2), 256L * 1024 * 1024, 500);
    }
}
