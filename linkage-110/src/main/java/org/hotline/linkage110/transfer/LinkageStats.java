package org.hotline.linkage110.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/**
 * Counters of the exchange each way, kept in one Redis hash. Counted only when a transition really
 * happens, so a repeated message does not count twice.
 */
public final class LinkageStats {

    private final RedisOps redis;

    public LinkageStats(RedisOps redis) {
        this.redis = redis;
    }

    public Future<Void> add(String counter, long by) {
        return redis.call(r -> r.hincrby(LinkageKeys.STATS, counter, by)).mapEmpty();
    }

    public Future<JsonObject> report() {
        return redis.call(r -> r.hgetall(LinkageKeys.STATS)).map(LinkageStats::toReport);
    }

    private static JsonObject toReport(Map<String, String> c) {
        return new JsonObject()
                .put("to110", direction(c, "to110"))
                .put("from110", direction(c, "from110").put("resultsLate", n(c, "from110.resultsLate")))
                .put("calls", new JsonObject().put("transfers", n(c, "calls.transfer"))
                        .put("conferences", n(c, "calls.conference"))
                        .put("keptBy12345", n(c, "calls.kept.12345")).put("keptBy110", n(c, "calls.kept.110")));
    }

    private static JsonObject direction(Map<String, String> c, String d) {
        long created = n(c, d + ".created");
        long acknowledged = n(c, d + ".acknowledged");
        long rejected = n(c, d + ".rejected");
        long resulted = n(c, d + ".resulted");
        long answered = acknowledged + rejected;
        long accepted = acknowledged;
        return new JsonObject().put("created", created).put("delivered", n(c, d + ".delivered"))
                .put("acknowledged", acknowledged).put("rejected", rejected).put("bounces", rejected)
                .put("resulted", resulted).put("parked", n(c, d + ".parked"))
                .put("averageAckSeconds", answered == 0 ? null : n(c, d + ".ackMillis") / 1000.0 / answered)
                .put("feedbackCompleteness", accepted == 0 ? null : Math.min(1.0, (double) resulted / accepted));
    }

    private static long n(Map<String, String> c, String key) {
        return Long.parseLong(c.getOrDefault(key, "0"));
    }
}
