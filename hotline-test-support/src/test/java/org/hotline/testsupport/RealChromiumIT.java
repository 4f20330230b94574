package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

@Timeout(120)
class RealChromiumIT {

    @Test
    void headlessChromiumRendersAPageServedOnLoopbackAndRunsItsScript() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = """
                    <!doctype html><html><head><meta charset="utf-8"><title>12345 热线</title></head>
                    <body><h1 id="title">工单看板</h1><p id="count"></p>
                    <script>document.getElementById('count').textContent = '今日受理 ' + (40 + 2);</script>
                    </body></html>""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        WebDriver driver = RealChromium.newDriver();
        try {
            driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");

            assertThat(driver.getTitle()).isEqualTo("12345 热线");
            assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("今日受理 42");
            Path png = RealChromium.screenshot(driver, Path.of("target", "screenshots", "chromium-selftest.png"));
            assertThat(Files.size(png)).isPositive();
        } finally {
            driver.quit();
            server.stop(0);
        }
    }
}
