package org.hotline.dispatch.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.dispatch.classify.LabelledText;

/**
 * Every labelled example the classifier learns from, in one Redis stream
 * ({@link DispatchKeys#TRAINING}): imported history and closed tickets. Kept in Redis so that any
 * server process can rebuild the same model after a restart.
 */
public final class RedisTrainingCorpus {

    private static final int PAGE = 2_000;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;

    public RedisTrainingCorpus(Vertx vertx, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    /** Appends one example; {@code source} says where it came from (import, closed ticket id). */
    public Future<String> append(LabelledText example, String source) {
        Map<String, String> fields = new HashMap<>();
        fields.put("text", example.text());
        fields.put("category", example.category());
        if (example.department() != null) {
            fields.put("department", example.department());
        }
        fields.put("source", source);
        return LettuceBridge.toFuture(vertx, redis.xadd(DispatchKeys.TRAINING, fields));
    }

    public Future<Long> size() {
        return LettuceBridge.toFuture(vertx, redis.xlen(DispatchKeys.TRAINING));
    }

    /** The whole corpus, read in pages so one reply never holds the full stream. */
    public Future<List<LabelledText>> readAll() {
        return readFrom(Range.Boundary.unbounded(), new ArrayList<>());
    }

    private Future<List<LabelledText>> readFrom(Range.Boundary<String> lower, List<LabelledText> into) {
        Range<String> range = Range.from(lower, Range.Boundary.unbounded());
        return LettuceBridge.toFuture(vertx, redis.xrange(DispatchKeys.TRAINING, range, Limit.from(PAGE)))
                .compose(page -> {
                    for (StreamMessage<String, String> message : page) {
                        Map<String, String> body = message.getBody();
                        into.add(new LabelledText(body.get("text"), body.get("category"), body.get("department")));
                    }
                    if (page.size() < PAGE) {
                        return Future.succeededFuture(into);
                    }
                    return readFrom(Range.Boundary.excluding(page.get(page.size() - 1).getId()), into);
                });
    }
}
