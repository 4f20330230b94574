package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MissingServerTest {

    private final String ciBefore = System.getProperty("CI");

    @AfterEach
    void restoreCi() {
        if (ciBefore == null) {
            System.clearProperty("CI");
        } else {
            System.setProperty("CI", ciBefore);
        }
    }

    @Test
    void aMissingServerSkipsTheTestOnADeveloperMachine() {
        System.setProperty("CI", "false");

        assertThatThrownBy(() -> MissingServer.abort("Asterisk 22", "not root", "HOTLINE_TEST_AMI=h:p:u:s"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("not root")
                .hasMessageContaining("HOTLINE_TEST_AMI");
    }

    @Test
    void aMissingServerFailsTheBuildOnCi() {
        System.setProperty("CI", "true");

        assertThatThrownBy(() -> MissingServer.abort("Headless Chromium", "no /usr/bin/chromium", "HOTLINE_TEST_CHROMIUM"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true forbids skipping");
    }
}
