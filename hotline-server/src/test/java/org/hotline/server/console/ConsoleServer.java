package org.hotline.server.console;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.RealChromium;
import org.openqa.selenium.WebDriver;

/** The running server (embedded real Redis, data in a temporary folder) with one headless Chromium driving its console. */
final class ConsoleServer implements AutoCloseable {

    final HotlineServer.Running server;
    final WebDriver browser;
    final ConsolePage page;

    private ConsoleServer(HotlineServer.Running server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.page = new ConsolePage(browser, server.httpPort());
    }

    /**
     * Starts the server with {@code settings} on top of a free port on the loopback and a fresh data folder,
     * and a Chromium with {@code browserArguments}.
     */
    static ConsoleServer start(Map<String, String> settings, String... browserArguments) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("HOTLINE_DATA_DIR", Files.createTempDirectory("console-it").toString());
        all.put("HOTLINE_HTTP_PORT", "0");
        all.put("HOTLINE_HTTP_HOST", "127.0.0.1");
        HotlineServer.Running server = HotlineServer.start(ConfigLoader.load(all));
        try {
            return new ConsoleServer(server, RealChromium.newDriver(browserArguments));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    int port() {
        return server.httpPort();
    }

    StaffApi staff(String username) throws Exception {
        return new StaffApi(port(), username, username + "12345");
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.stop();
        }
    }
}
