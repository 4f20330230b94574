package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    @Test
    void defaultsAreLocalRedisWithTwoSecondTimeoutsAndEverysec() {
        RedisConfig config = RedisConfig.defaults();

        assertThat(config.uri()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.appendFsync()).isEqualTo(AppendFsync.EVERYSEC);
    }

    @Test
    void tlsAndSentinelUrisAreAccepted() {
        assertThat(RedisConfig.of("rediss://redis.example:6380/1").uri()).startsWith("rediss://");
        assertThat(RedisConfig.of("redis-sentinel://s1:26379,s2:26379/0#hotline").uri()).startsWith("redis-sentinel://");
    }

    @Test
    void aUriOfAnotherSchemeIsRefused() {
        assertThatThrownBy(() -> RedisConfig.of("http://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisConfig.of("127.0.0.1:6379")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroOrNegativeTimeoutIsRefused() {
        assertThatThrownBy(() -> RedisConfig.defaults().withCommandTimeout(Duration.ZERO))
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> new RedisConfig("redis://h:1", null, Duration.ofSeconds(-1), null))
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void thePasswordNeverPrints() {
        RedisConfig config = RedisConfig.of("redis://:s3cret@10.0.0.5:6379/0");

        assertThat(config.toString()).doesNotContain("s3cret").contains("***@10.0.0.5");
        assertThat(config.safeUri()).isEqualTo("redis://***@10.0.0.5:6379/0");
    }

    @Test
    void appendFsyncIsParsedFromItsRedisName() {
        assertThat(AppendFsync.parse("always")).isEqualTo(AppendFsync.ALWAYS);
        assertThat(AppendFsync.parse(" EverySec ")).isEqualTo(AppendFsync.EVERYSEC);
        assertThatThrownBy(() -> AppendFsync.parse("no")).isInstanceOf(IllegalArgumentException.class);
    }
}
