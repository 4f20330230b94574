package org.hotline.linkage110.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferStatusTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "QUEUED, ACKNOWLEDGED, ACKNOWLEDGED",
            "DELIVERED, ACKNOWLEDGED, ACKNOWLEDGED",
            "DELIVERED, REJECTED, REJECTED",
            "ACKNOWLEDGED, IN_PROGRESS, IN_PROGRESS",
            "IN_PROGRESS, IN_PROGRESS, IN_PROGRESS",
            "IN_PROGRESS, RESULT, RESULTED",
            "ACKNOWLEDGED, RESULT, RESULTED",
            "RECEIVED, ACKNOWLEDGED, ACKNOWLEDGED",
            "PARKED, ACKNOWLEDGED, ACKNOWLEDGED",
            "RESULTED, IN_PROGRESS, RESULTED",
            "RESULTED, REJECTED, RESULTED",
            "REJECTED, RESULT, REJECTED",
            "IN_PROGRESS, ACKNOWLEDGED, IN_PROGRESS",
    })
    void lateOrRepeatedUpdatesNeverMoveAStatusBack(TransferStatus from, UpdateType update, TransferStatus to) {
        assertThat(from.after(update)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"REJECTED, true", "RESULTED, true", "IN_PROGRESS, false", "PARKED, false"})
    void onlyRejectionAndResultAreFinal(TransferStatus status, boolean isFinal) {
        assertThat(status.isFinal()).isEqualTo(isFinal);
    }
}
