package org.hotline.server.console;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebDriver;

/** One server with its embedded real Redis and one headless Chromium per test class, without telephony. */
@Timeout(600)
abstract class ConsoleTestBase {

    static ConsoleServer server;
    static WebDriver browser;
    static ConsolePage page;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        server = ConsoleServer.start(Map.of());
        browser = server.browser;
        page = server.page;
    }

    /** Any script error or console.error of the pages fails the test (see {@link ConsolePage#consoleErrors()}). */
    @AfterEach
    void noBrowserConsoleErrors() {
        assertThat(page.consoleErrors()).as("browser console errors").isEmpty();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
