package org.hotline.search.rebuild;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.redis.LettuceBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator-started rebuilds of the search index (the index package's {@code SearchRebuild}), one at a time across the
 * cluster. The lock is a Redis key holding the running job's id with an expiry that the running node
 * renews; if that node dies the lock lapses and the next start succeeds. A job's status lives in a
 * Redis hash, so any node answers for it, and a job still "running" whose lock is gone is reported
 * failed (its node stopped). Job hashes expire after {@link #KEPT}.
 */
public final class RebuildJobs {

    static final String LOCK = "hotline:search:rebuild:lock";
    static final String LATEST = "hotline:search:rebuild:latest";
    static final String JOB_PREFIX = "hotline:search:rebuild:job:";
    /** Long enough to ride out a slow Redis round trip, short enough that a dead node's lock lapses soon. */
    static final Duration LOCK_TTL = Duration.ofSeconds(60);
    static final Duration KEPT = Duration.ofDays(30);
    static final String LOST = "执行重建的节点已停止（重建锁已过期），请重新发起重建";
    private static final Logger LOG = LoggerFactory.getLogger(RebuildJobs.class);
    /** Renews or releases the lock only while it still holds this job's id. */
    private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    /**
     * Writes a job's final status and releases its lock in one step: whoever reads "done" or "failed" also finds the
     * lock free, and nobody ever sees a running job without its lock (which would read as a node lost mid-way).
     */
    private static final String FINISH = "redis.call('HSET', KEYS[1], unpack(ARGV, 3)) redis.call('EXPIRE', KEYS[1], ARGV[2]) "
            + "if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end return 1";

    private final Vertx vertx;
    private final Function<StatefulRedisConnection<String, String>, ? extends Rebuilder> rebuilds;
    private final Clock clock;
    private volatile StatefulRedisConnection<String, String> connection;

    /** @param rebuilds the search module's rebuild command over a connection */
    public RebuildJobs(Vertx vertx, Function<StatefulRedisConnection<String, String>, ? extends Rebuilder> rebuilds, Clock clock) {
        this.vertx = vertx;
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /** Serves from now on over this (shared, non-blocking) connection; before that every call answers 503. */
    public void start(StatefulRedisConnection<String, String> redis) {
        this.connection = redis;
    }

    /** A job as an operator sees it: status running, done (with counts) or failed (with a Chinese reason). */
    public record Job(String id, String status, String requestedBy, String startedAt, String finishedAt,
                      Long tickets, Long entries, String reason) {

        static Job of(Map<String, String> hash) {
            return new Job(hash.get("id"), hash.get("status"), hash.get("requestedBy"), hash.get("startedAt"),
                    blank(hash.get("finishedAt")), number(hash.get("tickets")), number(hash.get("entries")), blank(hash.get("reason")));
        }

        Job lost() {
            return new Job(id, "failed", requestedBy, startedAt, null, null, null, LOST);
        }

        private static String blank(String value) {
            return value == null || value.isEmpty() ? null : value;
        }

        private static Long number(String value) {
            return value == null || value.isEmpty() ? null : Long.valueOf(value);
        }
    }

    /**
     * Takes the cluster lock and starts a rebuild on the given context; completes with the running
     * job as soon as it started (the rebuild goes on), or fails with a conflict while another one runs.
     */
    public Future<Job> begin(Actor actor, Context context) {
        var redis = redis();
        String id = UUID.randomUUID().toString();
        return LettuceBridge.toFuture(vertx, redis.async().set(LOCK, id, SetArgs.Builder.nx().px(LOCK_TTL.toMillis())))
                .compose(taken -> {
                    if (!"OK".equals(taken)) {
                        return Future.failedFuture(HotlineException.conflict("search.rebuild-running",
                                "已有一次索引重建正在进行，请等待其完成后再发起（可查询重建状态）"));
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("id", id);
                    fields.put("status", "running");
                    fields.put("requestedBy", actor.userId());
                    fields.put("startedAt", clock.instant().toString());
                    // a job that could not be recorded does not start, and does not hold the lock until it lapses
                    return save(id, fields).map(v -> Job.of(fields))
                            .recover(e -> release(redis, id).transform(released -> Future.<Job>failedFuture(e)));
                })
                .onSuccess(job -> run(redis, job, context));
    }

    private void run(StatefulRedisConnection<String, String> redis, Job job, Context context) {
        long renewal = vertx.setPeriodic(LOCK_TTL.toMillis() / 3, t -> renew(redis, job.id()));
        LOG.info("search rebuild started [job={}, by={}]", job.id(), job.requestedBy());
        started(redis, context)
                .transform(result -> {
                    vertx.cancelTimer(renewal);
                    return finish(job.id(), finished(job, result));
                })
                .onFailure(e -> LOG.warn("search rebuild not wound up (status or lock release), the lock lapses by itself [job={}, cause={}]", job.id(), e.toString()));
    }

    /** A rebuild that cannot even start fails like one that broke mid-way (otherwise its lock would be renewed forever). */
    private Future<Rebuilder.Counts> started(StatefulRedisConnection<String, String> redis, Context context) {
        try {
            return rebuilds.apply(redis).rebuild(context);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Map<String, String> finished(Job job, AsyncResult<Rebuilder.Counts> result) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("finishedAt", clock.instant().toString());
        if (result.succeeded()) {
            fields.put("status", "done");
            fields.put("tickets", Long.toString(result.result().tickets()));
            fields.put("entries", Long.toString(result.result().entries()));
        } else {
            LOG.warn("search rebuild failed [job={}]", job.id(), result.cause());
            fields.put("status", "failed");
            fields.put("reason", reason(result.cause()));
        }
        return fields;
    }

    /** The reason an operator reads: the error family's Chinese message, or a pointer to the log for anything unexpected. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof HotlineException)) {
            cause = cause.getCause();
        }
        return cause instanceof HotlineException known && known.kind() != ErrorKind.INTERNAL
                ? "重建失败：" + known.getMessage()
                : "重建失败：读取 Redis 或写入索引时出错（" + failure.getClass().getSimpleName() + "），详情见服务日志，修复后可重新发起";
    }

    private Future<Long> release(StatefulRedisConnection<String, String> redis, String id) {
        return LettuceBridge.toFuture(vertx, redis.async().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {LOCK}, id));
    }

    private Future<Void> finish(String id, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of(id, Long.toString(KEPT.toSeconds())));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return LettuceBridge.toFuture(vertx, redis().async().eval(FINISH, ScriptOutputType.INTEGER,
                new String[] {JOB_PREFIX + id, LOCK}, args.toArray(String[]::new))).mapEmpty();
    }

    private void renew(StatefulRedisConnection<String, String> redis, String id) {
        LettuceBridge.toFuture(vertx, redis.async().eval(RENEW, ScriptOutputType.INTEGER, new String[] {LOCK}, id, Long.toString(LOCK_TTL.toMillis())))
                .onFailure(e -> LOG.warn("search rebuild lock not renewed [job={}, cause={}]", id, e.toString()));
    }

    private Future<Void> save(String id, Map<String, String> fields) {
        var async = redis().async();
        String key = JOB_PREFIX + id;
        return LettuceBridge.toFuture(vertx, async.hset(key, fields))
                .compose(n -> LettuceBridge.toFuture(vertx, async.expire(key, KEPT.toSeconds())))
                .compose(b -> LettuceBridge.toFuture(vertx, async.set(LATEST, id, SetArgs.Builder.ex(KEPT.toSeconds()))))
                .mapEmpty();
    }

    /** The most recently started job, if any. */
    public Future<Optional<Job>> latest() {
        return LettuceBridge.toFuture(vertx, redis().async().get(LATEST))
                .compose(id -> id == null ? Future.succeededFuture(Optional.empty()) : job(id));
    }

    /** The job with this id, if it is still kept. */
    public Future<Optional<Job>> job(String id) {
        var async = redis().async();
        return LettuceBridge.toFuture(vertx, async.hgetall(JOB_PREFIX + id))
                .compose(hash -> hash.isEmpty() ? Future.succeededFuture(Optional.<Job>empty())
                        : LettuceBridge.toFuture(vertx, async.get(LOCK)).map(holder -> Optional.of(checked(Job.of(hash), holder))));
    }

    /** A job marked running whose lock another job holds, or nobody, is one whose node stopped mid-way. */
    static Job checked(Job job, String lockHolder) {
        return "running".equals(job.status()) && !job.id().equals(lockHolder) ? job.lost() : job;
    }

    private StatefulRedisConnection<String, String> redis() {
        StatefulRedisConnection<String, String> redis = connection;
        if (redis == null) {
            throw HotlineException.unavailable("search.rebuild-not-ready", "索引重建服务尚未就绪，请稍后重试", null);
        }
        return redis;
    }
}
