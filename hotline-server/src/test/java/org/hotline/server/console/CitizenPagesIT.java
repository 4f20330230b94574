package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The citizens' pages at /citizen/ on a phone-sized headless Chromium (375x667), no login: an appeal is
 * filed with a photo, its progress looked up with number and query code (the unit by its name), and the reply rated.
 */
class CitizenPagesIT extends ConsoleTestBase {

    @Test
    void aCitizenFilesAnAppealOnAPhoneFollowsItsProgressAndRatesTheReply() throws Exception {
        page.phoneSize(true);
        try {
            page.browser.get(page.base() + "/citizen/");
            page.select("#appeal-form [name=appealType]", "COMPLAINT");
            page.type("#appeal-form [name=title]", "小区门口人行道地砖松动");
            page.type("#appeal-form [name=content]", "幸福里小区南门人行道地砖松动，下雨天踩上去会溅水，老人容易摔倒。");
            page.type("#appeal-form [name=district]", "东城区");
            page.type("#appeal-form [name=phone]", "13933330001");
            page.visible("#appeal-form [name=photos]").sendKeys(EvidenceFiles.photo("地砖松动.jpg"));
            page.visible("#appeal-form button[type=submit]").click();
            String number = page.visible("#filed-number").getText();
            String code = page.visible("#filed-code").getText();
            assertThat(page.visible("#filed-photos").getText()).isEqualTo("已上传照片 1 张");
            assertThat(page.fitsTheWindow()).isTrue();
            page.screenshot("50-citizen-appeal-filed");

            StaffApi dispatcher = server.staff("dispatcher");
            String id = dispatcher.get("/api/v1/tickets/" + number).getString("id");
            assertThat(dispatcher.get("/api/v1/tickets/" + id + "/attachments").getJsonArray("items").getJsonObject(0)
                .getString("fileName")).isEqualTo("地砖松动.jpg");
            new TicketSetup(dispatcher).led(id, "urban");
            StaffApi urban = server.staff("urban");
            urban.post(TicketSetup.path(id, "sign"), new JsonObject());
            urban.post(TicketSetup.path(id, "reply"), new JsonObject().put("text", "已重新铺设松动地砖").put("result", "RESOLVED"));
            dispatcher.post(TicketSetup.path(id, "accept-reply"), new JsonObject());

            page.browser.get(page.base() + "/citizen/");
            page.visible("#tabs button[data-tab=progress]").click();
            page.type("#progress-form [name=number]", number);
            page.type("#progress-form [name=queryCode]", code);
            page.visible("#progress-form button[type=submit]").click();
            String facts = page.visible("#progress-facts").getText();
            assertThat(facts).contains("市城市管理局", "已重新铺设松动地砖", "已答复，请您评价").doesNotContain("urban");
            page.screenshot("51-citizen-progress");

            page.select("#rating-form [name=resolution]", "RESOLVED");
            page.select("#rating-form [name=satisfaction]", "SATISFIED");
            page.visible("#rating-form button[type=submit]").click();
            page.waitForNotice("感谢您的评价");
            assertThat(page.visible("#progress-facts").getText()).contains("满意");
            assertThat(page.fitsTheWindow()).isTrue();
            page.screenshot("52-citizen-rated");

            JsonObject rated = dispatcher.get("/api/v1/tickets/" + id);
            assertThat(rated.getString("status")).isEqualTo("REVISITED");
            assertThat(rated.getJsonObject("visit").getString("satisfaction")).isEqualTo("SATISFIED");
        } finally {
            page.phoneSize(false);
        }
    }

    @Test
    void aWrongQueryCodeIsAnsweredInChineseWithoutShowingAnything() throws Exception {
        page.phoneSize(true);
        try {
            page.browser.get(page.base() + "/citizen/");
            page.visible("#tabs button[data-tab=progress]").click();
            page.type("#progress-form [name=number]", "12345-20261207-999999");
            page.type("#progress-form [name=queryCode]", "000000");
            page.visible("#progress-form button[type=submit]").click();
            assertThat(page.waitForNotice("查询失败")).isEqualTo("查询失败：未找到该工单，请核对工单编号和查询码");
            assertThat(page.browser.findElement(org.openqa.selenium.By.id("progress")).isDisplayed()).isFalse();
            page.screenshot("53-citizen-not-found");
        } finally {
            page.phoneSize(false);
        }
    }

    @Test
    void theBrowserLogTheTestsCheckSeesAPageError() {
        page.browser.get(page.base() + "/citizen/");
        page.js("console.error('console check probe')");
        // read here, so the check after each test (which reads the same log) finds nothing left
        assertThat(browser.manage().logs().get("browser").getAll())
                .anyMatch(entry -> entry.getMessage().contains("console check probe"));
    }
}
