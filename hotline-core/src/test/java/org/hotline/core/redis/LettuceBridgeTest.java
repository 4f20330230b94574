package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import java.util.concurrent.CompletionException;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class LettuceBridgeTest {

    @Test
    void noAnswerFromRedisIsUnavailable() {
        assertThat(kindOf(new RedisCommandTimeoutException("timed out"))).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(kindOf(new RedisConnectionException("refused"))).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(kindOf(new RedisException("Currently not connected. Commands are rejected."))).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(kindOf(new CompletionException(new RedisCommandTimeoutException("x")))).isEqualTo(ErrorKind.UNAVAILABLE);
    }

    @Test
    void aRedisThatCannotServeNowIsUnavailable() {
        assertThat(kindOf(new RedisLoadingException("LOADING Redis is loading the dataset in memory"))).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(kindOf(new RedisReadOnlyException("READONLY You can't write against a read only replica."))).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(kindOf(new RedisCommandExecutionException("OOM command not allowed when used memory > 'maxmemory'.")))
                .isEqualTo(ErrorKind.UNAVAILABLE);
    }

    @Test
    void aCommandRedisRefusesIsAnInternalError() {
        HotlineException failure = LettuceBridge.translate(new RedisCommandExecutionException("ERR Error running script"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(failure.getMessage()).doesNotContain("script");
    }

    @Test
    void projectErrorsPassThroughUnchanged() {
        HotlineException conflict = HotlineException.conflict("ticket.stale-version", "工单已被他人修改");

        assertThat(LettuceBridge.translate(new CompletionException(conflict))).isSameAs(conflict);
    }

    private static ErrorKind kindOf(Throwable failure) {
        return LettuceBridge.translate(failure).kind();
    }
}
