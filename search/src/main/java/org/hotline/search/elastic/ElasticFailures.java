package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.util.concurrent.CompletionException;
import org.hotline.core.error.HotlineException;

/** Translates client failures: the server refusing a request is our bug (internal); no answer at all is "unavailable". */
final class ElasticFailures {

    private ElasticFailures() {
    }

    static HotlineException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HotlineException known) {
            return known;
        }
        if (cause instanceof ElasticsearchException refused && refused.status() < 500 && refused.status() != 429) {
            return HotlineException.from(cause);
        }
        return HotlineException.unavailable("search.unavailable", "检索服务暂时不可用，请稍后重试", cause);
    }
}
