package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(600)
class RealAsteriskIT {

    private static RealAsterisk asterisk;

    @BeforeAll
    static void startAsterisk() throws URISyntaxException {
        asterisk = RealAsterisk.start(minimalConfig(), Map.of("GREETING", "您好12345"));
    }

    @AfterAll
    static void stopAsterisk() {
        if (asterisk != null) {
            asterisk.stop();
        }
    }

    @Test
    void cliAnswersWithAsterisk22AndTheSubstitutedDialplan() {
        assertThat(asterisk.cli("core show version")).contains("Asterisk 22");
        assertThat(asterisk.cli("dialplan show 100@selftest"))
                .contains("您好12345")
                .contains("/var/lib/hotline-instances/");
    }

    @Test
    void amiOriginatesALocalChannelIntoTheDialplanWithTheCallerId() throws Exception {
        try (AmiClient ami = new AmiClient(asterisk)) {
            ami.send(Map.of("Action", "Login", "Username", asterisk.amiUser(), "Secret", asterisk.amiSecret()));
            assertThat(ami.await("Response", "Success").get("Message")).contains("Authentication accepted");

            Map<String, String> originate = new LinkedHashMap<>();
            originate.put("Action", "Originate");
            originate.put("Channel", "Local/100@selftest");
            originate.put("Application", "Wait");
            originate.put("Data", "1");
            originate.put("CallerID", "13800138000");
            originate.put("Async", "true");
            ami.send(originate);

            Map<String, String> response = ami.await("Event", "OriginateResponse");
            assertThat(response.get("Response")).isEqualTo("Success");
            assertThat(response.get("CallerIDNum")).isEqualTo("13800138000");
        }
    }

    @Test
    void twoInstancesRunSideBySideAndStoppingOneLeavesTheOther() throws Exception {
        RealAsterisk second = RealAsterisk.start(minimalConfig(), Map.of("GREETING", "second"));
        try {
            assertThat(second.amiPort()).isNotEqualTo(asterisk.amiPort());
            assertThat(second.cli("dialplan show 100@selftest")).contains("second");
        } finally {
            second.stop();
        }
        assertThat(asterisk.cli("core show uptime")).contains("System uptime");
        assertThat(AmiProbe.logsIn(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(), asterisk.amiSecret())).isTrue();
    }

    @Test
    void restartComesBackOnTheSameAmiPort() {
        int port = asterisk.amiPort();

        asterisk.restart();

        assertThat(asterisk.amiPort()).isEqualTo(port);
        assertThat(AmiProbe.logsIn(asterisk.amiHost(), port, asterisk.amiUser(), asterisk.amiSecret())).isTrue();
    }

    @Test
    void crashedAsteriskComesBackWithRestart() {
        asterisk.crash();
        assertThat(AmiProbe.logsIn(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(), asterisk.amiSecret())).isFalse();

        asterisk.restart();

        assertThat(asterisk.cli("core show uptime")).contains("System uptime");
    }

    private static Path minimalConfig() throws URISyntaxException {
        return Path.of(RealAsteriskIT.class.getResource("/asterisk-minimal/extensions.conf").toURI()).getParent();
    }
}
