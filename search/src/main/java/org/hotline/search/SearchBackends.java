package org.hotline.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.hotline.core.text.Segmenter;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.TicketSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the backend from the configuration: Elasticsearch when URLs are given, else Lucene under the data dir. */
public final class SearchBackends {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBackends.class);

    private SearchBackends() {
    }

    /** Opens the backend and, for Elasticsearch, installs templates and aliases before completing. */
    public static Future<TicketSearch> open(Vertx vertx, SearchConfig config, Segmenter segmenter) {
        if (config.usesElasticsearch()) {
            LOG.info("search backend is elasticsearch [nodes={}, prefix={}]", config.elasticsearchUrls().size(), config.indexPrefix());
            var search = new ElasticTicketSearch(vertx, config, segmenter);
            return search.start().map(v -> search);
        }
        LOG.info("search backend is embedded lucene [dataDir={}]", config.dataDir());
        return vertx.executeBlocking(() -> (TicketSearch) LuceneTicketSearch.open(vertx, config.dataDir(), segmenter, config.zone()));
    }
}
