package org.hotline.search.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster lock and the job status in a real Redis, with rebuilds the test finishes or fails. */
class RebuildJobsIT {

    final Vertx vertx = Vertx.vertx();
    final RedisClient client = RedisClient.create(RealRedis.shared().uri());
    final StatefulRedisConnection<String, String> connection = client.connect();
    final Actor admin = new Actor("admin", Role.ADMIN, null, "系统管理员");

    @BeforeEach
    void noRebuildRunning() {
        connection.sync().del(RebuildJobs.LOCK);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
        connection.close();
        client.shutdown();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed: " + e, e);
        }
    }

    private RebuildJobs jobs(Rebuilder rebuilder) {
        var jobs = new RebuildJobs(vertx, redis -> rebuilder, Clock.systemUTC());
        jobs.start(connection);
        return jobs;
    }

    /** The job runs in the background: polled until it left "running", or the last state seen. */
    private static RebuildJobs.Job awaitFinished(RebuildJobs jobs, String id) throws InterruptedException {
        RebuildJobs.Job job = await(jobs.job(id)).orElseThrow();
        for (int attempt = 0; attempt < 200 && "running".equals(job.status()); attempt++) {
            Thread.sleep(100);
            job = await(jobs.job(id)).orElseThrow();
        }
        return job;
    }

    @Test
    void aSecondStartWhileOneRunsIsAConflictAndTheFinishedJobKeepsItsCounts() throws Exception {
        Promise<Rebuilder.Counts> running = Promise.promise();
        RebuildJobs jobs = jobs(context -> running.future());
        RebuildJobs.Job first = await(jobs.begin(admin, vertx.getOrCreateContext()));

        Throwable refused = jobs.begin(admin, vertx.getOrCreateContext()).toCompletionStage().toCompletableFuture()
                .handle((job, failure) -> failure).get();

        assertThat(refused).isInstanceOfSatisfying(HotlineException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
            assertThat(e.getMessage()).contains("正在进行");
        });
        assertThat(await(jobs.latest())).hasValueSatisfying(job -> {
            assertThat(job.id()).isEqualTo(first.id());
            assertThat(job.status()).isEqualTo("running");
        });
        running.complete(new Rebuilder.Counts(7, 19));
        RebuildJobs.Job done = awaitFinished(jobs, first.id());
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.tickets()).isEqualTo(7L);
        assertThat(done.entries()).isEqualTo(19L);
        assertThat(connection.sync().get(RebuildJobs.LOCK)).isNull();
    }

    @Test
    void aFailedRebuildIsReportedWithItsChineseReasonAndFreesTheLock() throws Exception {
        RebuildJobs jobs = jobs(context -> Future.failedFuture(
                HotlineException.unavailable("search.unavailable", "检索服务暂时不可用，请稍后重试", null)));

        RebuildJobs.Job job = awaitFinished(jobs, await(jobs.begin(admin, vertx.getOrCreateContext())).id());

        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.reason()).isEqualTo("重建失败：检索服务暂时不可用，请稍后重试");
        assertThat(connection.sync().get(RebuildJobs.LOCK)).isNull();
    }

    @Test
    void aRebuildThatCannotEvenStartIsFailedNotRunningForever() throws Exception {
        RebuildJobs jobs = jobs(context -> {
            throw new IllegalStateException("index closed");
        });

        RebuildJobs.Job job = awaitFinished(jobs, await(jobs.begin(admin, vertx.getOrCreateContext())).id());

        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.reason()).startsWith("重建失败：");
        assertThat(connection.sync().get(RebuildJobs.LOCK)).isNull();
    }

    @Test
    void aJobWhoseNodeStoppedMidWayIsReportedFailedOnceItsLockLapsed() throws Exception {
        RebuildJobs jobs = jobs(context -> Promise.<Rebuilder.Counts>promise().future());
        String id = await(jobs.begin(admin, vertx.getOrCreateContext())).id();

        connection.sync().del(RebuildJobs.LOCK);

        RebuildJobs.Job job = await(jobs.job(id)).orElseThrow();
        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.reason()).isEqualTo(RebuildJobs.LOST);
    }
}
