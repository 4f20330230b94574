package org.hotline.core.audit;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.model.Actor;
import org.hotline.core.redis.LettuceBridge;

/**
 * The append-only audit trail: one entry in the Redis stream {@code hotline:stream:audit} per read
 * or change of something that matters, reads of personal data included. Entries are never trimmed
 * or edited by the application. Fields: {@code at, actor, role, department, action, resource,
 * resourceId, personalData, outcome, detail}. No personal data goes into an entry itself.
 */
public final class AuditLog {

    public static final String STREAM = "hotline:stream:audit";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final Clock clock;

    public AuditLog(Vertx vertx, RedisAsyncCommands<String, String> redis, Clock clock) {
        this.vertx = vertx;
        this.redis = redis;
        this.clock = clock;
    }

    /** What was done: e.g. {@code ticket.read}, {@code ticket.sign}, {@code user.create}. */
    public record Entry(Actor actor, String action, String resource, String resourceId, boolean personalData,
                        String outcome, String detail) {

        public static Entry read(Actor actor, String resource, String resourceId, boolean personalData) {
            return new Entry(actor, resource + ".read", resource, resourceId, personalData, "ok", "");
        }

        public static Entry change(Actor actor, String action, String resource, String resourceId) {
            return new Entry(actor, action, resource, resourceId, false, "ok", "");
        }

        public Entry withOutcome(String newOutcome, String newDetail) {
            return new Entry(actor, action, resource, resourceId, personalData, newOutcome, newDetail);
        }
    }

    /** Appends the entry; completes with its stream id. */
    public Future<String> record(Entry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", clock.instant().toString());
        fields.put("actor", entry.actor().userId());
        fields.put("role", entry.actor().role().name());
        fields.put("department", entry.actor().departmentId() == null ? "" : entry.actor().departmentId());
        fields.put("action", entry.action());
        fields.put("resource", entry.resource());
        fields.put("resourceId", entry.resourceId() == null ? "" : entry.resourceId());
        fields.put("personalData", Boolean.toString(entry.personalData()));
        fields.put("outcome", entry.outcome() == null ? "ok" : entry.outcome());
        fields.put("detail", entry.detail() == null ? "" : entry.detail());
        return LettuceBridge.toFuture(vertx, redis.xadd(STREAM, fields));
    }
}
