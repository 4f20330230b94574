package org.hotline.search.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.search.SearchConfig;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.elastic.ElasticTicketSearch;
import org.hotline.search.port.TicketSearch;
import org.hotline.testsupport.RealElasticsearch;

class ElasticTicketSearchIT extends TicketReportsContract {

    private static final AtomicInteger RUN = new AtomicInteger();

    /** Each test gets its own index prefix (and so its own indices) on the shared server. */
    static ElasticTicketSearch openElastic(String name) {
        String prefix = "c" + ProcessHandle.current().pid() + "-" + RUN.incrementAndGet() + "-" + name.replaceAll("[^a-z0-9]", "").substring(0, Math.min(20, name.length()));
        var config = SearchConfig.defaults(Path.of("target")).withElasticsearch(List.of(RealElasticsearch.shared().url()), prefix);
        var search = new ElasticTicketSearch(VERTX, config, TicketSnapshot.SEGMENTER);
        await(search.start());
        return search;
    }

    @Override
    protected TicketSearch open(String name) {
        return openElastic(name);
    }
}
