package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 2's smoke test: AMI log-in through the project's code, an Originate of a Local/ channel into
 * the project's 12345 dialplan, and the project's FastAGI server receiving the call with the caller ID.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AsteriskSmokeIT {

    private static TelephonyTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new TelephonyTestBed();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aCallTo12345ReachesTheFastAgiServerWithTheCallerId() throws Exception {
        assertThat(bed.telephony.connected()).isTrue();
        var seen = bed.next(HotlineAgiServer.INCOMING_ADDRESS, m -> "13800138000".equals(m.getString("caller")));

        var response = bed.call("12345", "13800138000", "hold", Map.of("HOTLINE_SIM_HOLD", "2"));

        assertThat(response.getResponse()).isEqualTo("Success");
        JsonObject agi = seen.get(45, TimeUnit.SECONDS);
        assertThat(agi.getString("script")).isEqualTo("incoming");
        assertThat(agi.getString("callId")).isNotBlank();
    }
}
