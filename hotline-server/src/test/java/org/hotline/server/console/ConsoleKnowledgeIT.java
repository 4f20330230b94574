package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The agent's knowledge base panel in real headless Chromium against the running server (embedded
 * real Redis, the search module's knowledge base with its seed articles): search, read, and answer
 * the caller directly with an article in one click.
 */
class ConsoleKnowledgeIT extends ConsoleTestBase {

    @Test
    void anAgentFindsAnArticleReadsItAndAnswersTheCallerWithItInOneClick() throws Exception {
        page.login("agent", "agent12345");
        page.type("#intake-form [name=phone]", "13622223333");
        page.type("#intake-form [name=name]", "周九");
        page.type("#intake-form [name=title]", "咨询一下");
        page.type("#intake-form [name=content]", "你好，我想问一下这个事情应该找谁，谢谢。");
        page.select("#intake-form [name=appealType]", "CONSULTATION");
        page.visible("#intake-form [name=content]").sendKeys(Keys.chord(Keys.ALT, "k"));
        server.browser.switchTo().activeElement().sendKeys("公积金 租房提取");

        String hit = "//ul[@id='kb-results']/li[strong[contains(., '住房公积金提取条件')]]";
        page.waitUntil(driver -> !driver.findElements(By.xpath(hit)).isEmpty());
        server.browser.findElement(By.xpath(hit)).findElement(By.cssSelector("button.kb-read")).click();
        String content = page.waitUntil(driver -> {
            String text = driver.findElement(By.xpath(hit)).findElement(By.cssSelector(".kb-content")).getText();
            return text.isEmpty() ? null : text;
        });
        assertThat(content).contains("租房");
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("16-agent-knowledge");

        server.browser.findElement(By.xpath(hit)).findElement(By.cssSelector("button.kb-answer")).click();
        assertThat(page.waitForNotice("已直接答复")).endsWith("已直接答复，当前状态：已办结");

        JsonObject answered = server.staff("agent").get("/api/v1/tickets?phone=13622223333").getJsonArray("items").getJsonObject(0);
        assertThat(answered.getString("status")).isEqualTo("CLOSED");
        assertThat(answered.getJsonObject("reply").getString("text")).startsWith(content.substring(0, 30));
        // the unsaved appeal was filed with the article as its answer, in one commit
        assertThat(server.staff("agent").get("/api/v1/tickets/" + answered.getString("id") + "/events").getJsonArray("items").stream()
                .map(e -> ((JsonObject) e).getString("type")).toList())
                .containsExactly("TicketReceived", "TicketAnsweredDirectly", "TicketClosed");
    }

    @Test
    void theArticleForAnAppealComesUpWhileTheAgentTypesEvenWithALongAccount() {
        page.login("agent", "agent12345");
        page.type("#intake-form [name=title]", "公积金租房提取");
        page.type("#intake-form [name=content]", "我在本市租房住了三年，单位一直给我交住房公积金，现在想把公积金取出来付房租，"
                + "不知道需要准备哪些材料、去哪里办、多久能到账，之前打过几次电话都没有说清楚，麻烦帮我问一下。");
        String hit = "//ul[@id='kb-results']/li[strong[contains(., '住房公积金提取条件')]]";
        page.waitUntil(driver -> !driver.findElements(By.xpath(hit)).isEmpty());
        assertThat(page.visible("#kb-q").getAttribute("value")).isEmpty();
    }
}
