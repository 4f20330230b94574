package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium through the Debian {@code chromium} and {@code chromium-driver}
 * packages (a test tool's own browser download does not work on these machines). Each driver gets a
 * fresh profile; drivers left open are quit at JVM exit.
 */
public final class RealChromium {

    public static final String BROWSER_OVERRIDE = "HOTLINE_TEST_CHROMIUM";
    public static final String DRIVER_OVERRIDE = "HOTLINE_TEST_CHROMEDRIVER";
    private static final List<WebDriver> OPEN = new CopyOnWriteArrayList<>();
    // Selenium 4.35 bundles CDP for Chromium 137-139 only; its warning about Debian's newer Chromium
    // is noise for WebDriver tests. Held in fields because java.util.logging keeps loggers weakly.
    private static final List<Logger> QUIETED = Stream.of("org.openqa.selenium.devtools", "org.openqa.selenium.chromium")
            .map(Logger::getLogger).toList();

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(RealChromium::quitQuietly), "quit-chromium"));
    }

    private RealChromium() {
    }

    /**
     * A new headless browser with {@code extraArguments} (e.g. {@code --use-fake-device-for-media-stream});
     * the caller quits it (or leaves it to the shutdown hook).
     */
    public static WebDriver newDriver(String... extraArguments) {
        Path browser = Overrides.get(BROWSER_OVERRIDE).map(Path::of).orElse(Path.of("/usr/bin/chromium"));
        Path driver = Overrides.get(DRIVER_OVERRIDE).map(Path::of).orElse(Path.of("/usr/bin/chromedriver"));
        ensureInstalled(browser, driver);
        Path profile = freshProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        // the page's console messages, so a test can fail on a script error (driver.manage().logs().get("browser"))
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        try {
            ChromeDriver chrome = new ChromeDriver(service, options);
            OPEN.add(chrome);
            return chrome;
        } catch (RuntimeException e) {
            throw MissingServer.abort("Headless Chromium", "Chromium did not start (" + browser + ", " + driver + ")",
                    BROWSER_OVERRIDE + " and " + DRIVER_OVERRIDE + " to other binaries", e);
        }
    }

    /** Writes a PNG of the current page, e.g. into target/ for a human to look at after the run. */
    public static Path screenshot(WebDriver driver, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + file, e);
        }
    }

    private static void ensureInstalled(Path browser, Path driver) {
        if (Files.isExecutable(browser) && Files.isExecutable(driver)) {
            return;
        }
        if (Overrides.runningAsRoot()) {
            try {
                HostCommand.run("apt-get", "install", "-y", "chromium", "chromium-driver");
            } catch (RuntimeException e) {
                System.err.println("[RealChromium] apt-get install chromium chromium-driver failed: " + e.getMessage());
            }
        }
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            throw MissingServer.abort("Headless Chromium", browser + " or " + driver + " is missing (apt-get install -y"
                    + " chromium chromium-driver, as root)", BROWSER_OVERRIDE + " and " + DRIVER_OVERRIDE + " to the binaries");
        }
    }

    private static Path freshProfile() {
        try {
            Path profile = Files.createTempDirectory("hotline-chromium-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.delete(profile), "delete-chromium-profile"));
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile", e);
        }
    }

    private static void quitQuietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // Already quit by the test, or the browser died: nothing to clean up.
        }
    }
}
