package org.hotline.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.core.error.HotlineException;

/**
 * Configuration of the search module. With {@code elasticsearchUrls} empty the embedded Lucene
 * index under {@code dataDir} is used; otherwise Elasticsearch, with indices named
 * {@code <indexPrefix>-tickets-yyyy.MM} behind the alias {@code <indexPrefix>-tickets}.
 *
 * @param zone the hotline's local time zone for day/week/month buckets
 * @param basicallySatisfiedWeight weight of "basically satisfied" in the satisfaction rate (docs/measures.md)
 * @param indexerBatch stream entries read and bulk-indexed at once
 * @param indexerIdle how long the indexer blocks on an empty stream before polling again
 */
public record SearchConfig(
        List<String> elasticsearchUrls,
        String indexPrefix,
        Path dataDir,
        ZoneId zone,
        Duration requestTimeout,
        double basicallySatisfiedWeight,
        String consumerGroup,
        String consumerName,
        int indexerBatch,
        Duration indexerIdle) {

    public SearchConfig {
        elasticsearchUrls = elasticsearchUrls == null ? List.of() : List.copyOf(elasticsearchUrls);
        require(indexPrefix != null && indexPrefix.matches("[a-z0-9][a-z0-9_-]*"), "indexPrefix must be lowercase letters, digits, - or _");
        require(dataDir != null, "dataDir is required");
        require(zone != null, "zone is required");
        require(requestTimeout != null && !requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
        require(basicallySatisfiedWeight >= 0 && basicallySatisfiedWeight <= 1, "basicallySatisfiedWeight must be within [0, 1]");
        require(consumerGroup != null && !consumerGroup.isBlank(), "consumerGroup is required");
        require(consumerName != null && !consumerName.isBlank(), "consumerName is required");
        require(indexerBatch >= 1 && indexerBatch <= 10_000, "indexerBatch must be within [1, 10000]");
        require(indexerIdle != null && !indexerIdle.isNegative() && !indexerIdle.isZero(), "indexerIdle must be positive");
    }

    /** Lucene under {@code dataDir}, Shanghai time, satisfaction weight 0.8, batches of 500. */
    public static SearchConfig defaults(Path dataDir) {
        return new SearchConfig(List.of(), "hotline", dataDir, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(10),
                0.8, "search-indexer", "search-1", 500, Duration.ofSeconds(1));
    }

    public SearchConfig withElasticsearch(List<String> urls, String prefix) {
        return new SearchConfig(urls, prefix, dataDir, zone, requestTimeout, basicallySatisfiedWeight,
                consumerGroup, consumerName, indexerBatch, indexerIdle);
    }

    /** A copy whose indexer reads the streams as {@code name} (one name per server node). */
    public SearchConfig withConsumerName(String name) {
        return new SearchConfig(elasticsearchUrls, indexPrefix, dataDir, zone, requestTimeout, basicallySatisfiedWeight,
                consumerGroup, name, indexerBatch, indexerIdle);
    }

    public boolean usesElasticsearch() {
        return !elasticsearchUrls.isEmpty();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw HotlineException.invalid("config.search", "invalid search configuration: " + message);
        }
    }
}
