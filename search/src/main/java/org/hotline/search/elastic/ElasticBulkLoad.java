package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Bulk-load mode of the ticket indices for a rebuild, as Elasticsearch's indexing-speed guide
 * advises: no periodic refresh ({@code refresh_interval: -1}) and no replicas while the documents
 * stream in, then the template's values back and one refresh. The template is switched too, so a
 * monthly index created during the load is tuned the same way. {@link #restore()} also runs when the
 * backend starts: a rebuild that died half-way must not leave indices that never refresh.
 */
final class ElasticBulkLoad {

    static final String NO_REFRESH = "-1";
    static final String NO_REPLICAS = "0";

    private final ElasticsearchAsyncClient client;
    private final ElasticSetup setup;
    private final String indices;

    ElasticBulkLoad(ElasticsearchAsyncClient client, ElasticSetup setup, String ticketsAlias) {
        this.client = client;
        this.setup = setup;
        this.indices = ticketsAlias + "-*";
    }

    CompletionStage<Void> begin() {
        return setup.ticketsTemplate(Map.of("refresh_interval", NO_REFRESH, "number_of_replicas", NO_REPLICAS))
                .thenCompose(v -> settings(NO_REFRESH, NO_REPLICAS));
    }

    /** The shipped template and its refresh interval and replica count on every ticket index. */
    CompletionStage<Void> restore() {
        return setup.ticketsTemplate(Map.of())
                .thenCompose(v -> settings(setup.ticketsSetting("refresh_interval"), setup.ticketsSetting("number_of_replicas")));
    }

    private CompletionStage<Void> settings(String refresh, String replicas) {
        return client.indices().putSettings(r -> r.index(indices).allowNoIndices(true)
                        .settings(s -> s.refreshInterval(t -> t.time(refresh)).numberOfReplicas(replicas)))
                .thenApply(r -> null);
    }
}
