package org.hotline.search.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisConnectionException;
import java.util.Map;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class RebuildJobsTest {

    private static RebuildJobs.Job running(String id) {
        return RebuildJobs.Job.of(Map.of("id", id, "status", "running", "requestedBy", "admin", "startedAt", "2026-12-07T23:00:00Z"));
    }

    @Test
    void aRunningJobThatStillHoldsTheLockIsRunning() {
        assertThat(RebuildJobs.checked(running("a"), "a").status()).isEqualTo("running");
    }

    @Test
    void aRunningJobWhoseLockLapsedIsReportedFailedBecauseItsNodeStopped() {
        RebuildJobs.Job job = RebuildJobs.checked(running("a"), null);

        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.reason()).isEqualTo(RebuildJobs.LOST);
    }

    @Test
    void aFinishedJobKeepsItsCountsWhoeverHoldsTheLock() {
        RebuildJobs.Job done = RebuildJobs.Job.of(Map.of("id", "a", "status", "done", "requestedBy", "admin",
                "startedAt", "2026-12-07T23:00:00Z", "finishedAt", "2026-12-07T23:01:00Z", "tickets", "12", "entries", "30"));

        RebuildJobs.Job checked = RebuildJobs.checked(done, "b");

        assertThat(checked.status()).isEqualTo("done");
        assertThat(checked.tickets()).isEqualTo(12L);
        assertThat(checked.entries()).isEqualTo(30L);
        assertThat(checked.reason()).isNull();
    }

    @Test
    void aKnownFailureGivesItsChineseMessageAndAnUnexpectedOnePointsToTheLog() {
        assertThat(RebuildJobs.reason(HotlineException.unavailable("redis.unavailable", "数据存储暂时不可用，请稍后重试",
                new RedisConnectionException("refused")))).isEqualTo("重建失败：数据存储暂时不可用，请稍后重试");
        assertThat(RebuildJobs.reason(new IllegalStateException("index closed"))).startsWith("重建失败：").contains("服务日志")
                .doesNotContain("index closed");
    }
}
