package org.hotline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.RealChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Real headless Chromium loads a page served by the running server and sees live data from its API. */
@Timeout(180)
class BrowserSmokeIT {

    @TempDir
    Path dataDir;

    @Test
    void theStartPageLoadsInChromiumAndShowsTheServerIsReady() throws Exception {
        HotlineServer.Running server = HotlineServer.start(ConfigLoader.load(Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1")));
        WebDriver browser = RealChromium.newDriver();
        try {
            browser.get("http://127.0.0.1:" + server.httpPort() + "/");
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.id("health-status"), "正常"));

            assertThat(browser.getTitle()).contains("12345");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("政务服务便民热线");
            RealChromium.screenshot(browser, Path.of("target", "screenshots", "start-page.png"));
        } finally {
            browser.quit();
            server.stop();
        }
    }
}
