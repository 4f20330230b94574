package org.hotline.server.console;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;

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

    /**
     * Any script error or console.error of the pages fails the test. "Failed to load resource" lines
     * are the browser's note of an HTTP error answer (a probe for a module that is not mounted, a
     * refusal the page shows with the server's reason); the page handles those itself.
     */
    @AfterEach
    void noBrowserConsoleErrors() {
        var errors = browser.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
