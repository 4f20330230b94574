package org.hotline.linkage110.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.hotline.core.api.Problems;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class TelephonyFailureTest {

    @Test
    void telephonysRefusalKeepsItsStatusAndMessage() {
        HotlineException refused = LiveCallActions.telephonyFailure(
                new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "通话不存在或已结束"));

        assertThat(refused.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(Problems.httpStatus(refused)).isEqualTo(404);
        assertThat(refused.getMessage()).contains("通话不存在或已结束");
    }

    @Test
    void noAnswerFromTelephonyIsAnUnavailableDependency() {
        HotlineException timeout = LiveCallActions.telephonyFailure(
                new ReplyException(ReplyFailure.TIMEOUT, -1, "Timed out after waiting 5000(ms) for a reply"));
        HotlineException crashed = LiveCallActions.telephonyFailure(
                new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, "NullPointerException"));

        assertThat(timeout.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(crashed.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(crashed.getMessage()).doesNotContain("NullPointerException");
    }
}
