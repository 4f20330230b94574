package org.hotline.linkage110.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.linkage110.outbox.DeliveryOutcome.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "202|{\"received\":true}|DELIVERED",
            "200|{\"received\":true,\"duplicate\":true}|DELIVERED",
            "200|<html>502 Bad Gateway</html>|RETRY",
            "200|{\"received\":false}|RETRY",
            "200|[1,2]|RETRY",
            "204||RETRY",
            "500|oops|RETRY",
            "503||RETRY",
            "429||RETRY",
            "408||RETRY",
            "400|bad|PARK",
            "401|bad signature|PARK",
            "404|no such transfer|PARK",
            "409|replay|PARK",
    })
    void answersAreClassifiedAsDeliveredRetryOrPark(int status, String body, Kind kind) {
        assertThat(DeliveryOutcome.of(status, body).kind()).isEqualTo(kind);
    }
}
