package org.hotline.search.rebuild;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.api.Problems;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * The operators' way back after losing the search index (administrators only):
 * {@code POST /api/v1/admin/search/rebuild} starts a rebuild from Redis and answers 202 with the job
 * (409 while one runs anywhere in the cluster); {@code GET /api/v1/admin/search/rebuild} shows the
 * latest job, {@code GET /api/v1/admin/search/rebuild/{id}} a given one. Starts and refusals are audited.
 */
public final class RebuildRoutes {

    public static final String PATH = "/api/v1/admin/search/rebuild";
    private static final String RESOURCE = "search-index";
    private static final String ACTION = "search.rebuild";

    private final RebuildJobs jobs;
    private final AuditLog audit;

    public RebuildRoutes(RebuildJobs jobs, AuditLog audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    public Router mount(Router router) {
        router.route(PATH + "*").failureHandler(Problems.failureHandler());
        router.post(PATH).handler(Authenticated.require(Role.ADMIN)).handler(this::start);
        router.get(PATH).handler(Authenticated.require(Role.ADMIN)).handler(ctx -> show(ctx, jobs::latest));
        router.get(PATH + "/:id").handler(Authenticated.require(Role.ADMIN)).handler(ctx -> show(ctx, () -> jobs.job(ctx.pathParam("id"))));
        return router;
    }

    /** The start is audited either way: started with the job id, or refused with the refusal's code. */
    private void start(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        attempt(() -> jobs.begin(actor, ctx.vertx().getOrCreateContext()))
                .transform(begun -> begun.succeeded()
                        ? audit.record(AuditLog.Entry.change(actor, ACTION, RESOURCE, begun.result().id())).map(begun.result())
                        : audit.record(AuditLog.Entry.change(actor, ACTION, RESOURCE, null)
                                .withOutcome("refused", HotlineException.from(begun.cause()).code()))
                                .transform(recorded -> Future.<RebuildJobs.Job>failedFuture(begun.cause())))
                .onSuccess(job -> ctx.response().setStatusCode(202).putHeader("Location", PATH + "/" + job.id())
                        .putHeader("Content-Type", "application/json; charset=utf-8").end(json(job).encode()))
                .onFailure(ctx::fail);
    }

    private static void show(RoutingContext ctx, Supplier<Future<Optional<RebuildJobs.Job>>> lookup) {
        attempt(lookup)
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                        HotlineException.notFound("search.rebuild-not-found", "没有找到该索引重建任务（任务记录保留 30 天）"))))
                .onSuccess(job -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json(job).encode()))
                .onFailure(ctx::fail);
    }

    /** Turns a synchronous refusal (e.g. not started yet: 503) into a failed future like any other. */
    private static <T> Future<T> attempt(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    static JsonObject json(RebuildJobs.Job job) {
        return new JsonObject().put("id", job.id()).put("status", job.status()).put("requestedBy", job.requestedBy())
                .put("startedAt", job.startedAt()).put("finishedAt", job.finishedAt())
                .put("tickets", job.tickets()).put("entries", job.entries()).put("reason", job.reason());
    }
}
