package org.hotline.server.console;

import java.nio.file.Path;
import java.time.Duration;
import org.hotline.testsupport.RealChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the console the way a user does: log in, fill forms, give ticket commands, read the outcome. */
final class ConsolePage {

    private static final Path SHOTS = Path.of("target", "screenshots", "console");

    final WebDriver browser;
    private final String base;
    private final WebDriverWait wait;

    ConsolePage(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port;
        // pages re-render lists as the user types: an element found a moment ago may be replaced, so look again
        this.wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }

    void login(String username, String password) {
        browser.get(base + "/console/");
        js("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    }

    String base() {
        return base;
    }

    void reload() {
        browser.navigate().refresh();
    }

    /** The text of the element as it is now, looked up again if the page replaced it meanwhile. */
    String textOf(String css) {
        return wait.until(driver -> driver.findElement(By.cssSelector(css)).getText());
    }

    WebElement visible(String css) {
        By locator = By.cssSelector(css);
        return wait.until(driver -> {
            try {
                WebElement element = driver.findElement(locator);
                return element.isDisplayed() ? element : null;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            } catch (WebDriverException e) {
                // Chromium answers this (not "stale element") when the page reloads between the lookup and the question
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Logs out and waits for the reloaded page's login form (the old page's hidden form must not be mistaken for it). */
    void logOut() {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        clickCentered("#logout");
        wait.until(driver -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                // during the reload Chromium names the old page's node this way rather than "stale element"
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        visible("#login-form");
    }

    /** Clicks the element after scrolling it to the middle of the window, clear of the sticky notice bar. */
    void clickCentered(String css) {
        WebElement element = visible(css);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    void select(String css, String value) {
        new Select(visible(css)).selectByValue(value);
    }

    String waitForNotice(String contains) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), contains));
        return browser.findElement(By.id("notice")).getText();
    }

    /** Opens the command's form on the ticket page, fills {fieldValues} (name, value, name, value...) and submits. */
    void command(String action, String... fieldValues) {
        js("document.getElementById('notice').textContent = ''");
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-action='" + action + "']")));
        WebElement details = form.findElement(By.xpath(".."));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        for (int i = 0; i < fieldValues.length; i += 2) {
            WebElement field = form.findElement(By.name(fieldValues[i]));
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(fieldValues[i + 1]);
            } else if ("file".equals(field.getAttribute("type"))) {
                // a file chooser takes the files' absolute paths, one per line
                field.sendKeys(fieldValues[i + 1]);
            } else {
                field.clear();
                field.sendKeys(fieldValues[i + 1]);
            }
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Waits until the supervisor queue lists the ticket (the search index follows the ticket stream), then opens it. */
    void openFromQueue(String queue, String number) {
        waitForQueued(queue, number).click();
        visible("#ticket-heading");
    }

    WebElement waitForQueued(String queue, String number) {
        return waitForListed("queue-" + queue, "queues-refresh", number);
    }

    /** Waits until the list {@code listId} shows the ticket, pressing {@code refreshId} between looks. */
    WebElement waitForListed(String listId, String refreshId, String number) {
        By item = By.xpath("//*[@id='" + listId + "']//button[starts-with(normalize-space(.), '" + number + "')]");
        wait.until(driver -> {
            if (!driver.findElements(item).isEmpty()) {
                return true;
            }
            driver.findElement(By.id(refreshId)).click();
            return false;
        });
        return browser.findElement(item);
    }

    /** The commands the ticket page offers now, in order. */
    java.util.List<String> offeredActions() {
        return browser.findElements(By.cssSelector("#view-ticket form[data-action]")).stream()
                .map(form -> form.getDomAttribute("data-action")).toList();
    }

    /** Sets the window to a phone's size (375x667) or back to the 1366x768 desk screen. */
    void phoneSize(boolean phone) {
        browser.manage().window().setSize(phone ? new org.openqa.selenium.Dimension(375, 667) : new org.openqa.selenium.Dimension(1366, 768));
    }

    <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    /**
     * The page's script errors and console.error lines so far. "Failed to load resource" lines are the
     * browser's note of an HTTP error answer (a probe for a module that is not mounted, a refusal the
     * page shows with the server's reason); the page handles those itself.
     */
    java.util.List<String> consoleErrors() {
        return browser.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void screenshot(String name) {
        RealChromium.screenshot(browser, SHOTS.resolve(name + ".png"));
    }

    /** True when no element is wider than the window (long Chinese text must wrap, not push the layout). */
    boolean fitsTheWindow() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** The innermost elements reaching past the window's right edge (tag#id.class and their start), to say what broke the layout. */
    String overflowing() {
        return String.valueOf(js("""
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > window.innerWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
                      + ' "' + (e.textContent || '').trim().slice(0, 30) + '" right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 10).join('; ');
                """));
    }
}
