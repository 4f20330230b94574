package org.hotline.server.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.server.cluster.ServerNode;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealChromium;
import org.openqa.selenium.WebDriver;

/**
 * The packaged server as users start it ({@code java -jar target/hotline-server.jar}, its own process,
 * embedded real Redis and search index, data in a temporary folder) with one headless Chromium driving
 * its pages. Failsafe runs after {@code package}, so the jar is the one this build ships.
 */
final class ConsoleServer implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "console-server");

    final ServerNode server;
    final WebDriver browser;
    final ConsolePage page;

    private ConsoleServer(ServerNode server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.page = new ConsolePage(browser, server.httpPort());
    }

    /**
     * Starts the jar with {@code settings} on top of a free port on the loopback and a fresh data folder,
     * and a Chromium with {@code browserArguments}.
     */
    static ConsoleServer start(Map<String, String> settings, String... browserArguments) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("HOTLINE_DATA_DIR", Files.createTempDirectory("console-it").toString());
        all.put("HOTLINE_HTTP_PORT", Integer.toString(FreePort.pick()));
        all.put("HOTLINE_HTTP_HOST", "127.0.0.1");
        ServerNode server = new ServerNode("console-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), all, LOGS);
        server.start(Duration.ofMinutes(4));
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
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
