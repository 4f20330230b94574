package org.hotline.search.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.lucene.LuceneTicketSearch;
import org.hotline.search.port.TicketSearch;
import org.junit.jupiter.api.io.TempDir;

class LuceneTicketSearchTest extends TicketReportsContract {

    @TempDir
    Path dir;

    @Override
    protected TicketSearch open(String name) {
        return LuceneTicketSearch.open(VERTX, dir.resolve(name), TicketSnapshot.SEGMENTER, ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aClosedIndexFailsItsReadinessPing() {
        TicketSearch closed = open("closed-index");
        closed.close().toCompletionStage().toCompletableFuture().join();

        assertThat(closed.ping().toCompletionStage().toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(5));
    }
}
