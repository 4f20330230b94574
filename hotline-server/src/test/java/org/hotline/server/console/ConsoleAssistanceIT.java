package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * 主办/协办 in real headless Chromium against the running server: the assisting unit finds the ticket
 * in its inbox marked 协办 with its own clock, signs and gives its opinion from the forms the server
 * offers, and the lead reads the opinion on the ticket page.
 */
class ConsoleAssistanceIT extends ConsoleTestBase {

    @Test
    void theAssistingUnitSignsAndAnswersFromItsInboxAndTheLeadReadsTheOpinionOnTheTicketPage() throws Exception {
        StaffApi dispatcher = server.staff("dispatcher");
        String id = new TicketSetup(dispatcher).assignedTo("urban", "13822230001", "东城区人民路路灯不亮", "人民路路灯连续三晚不亮，请尽快处理。");
        dispatcher.post(TicketSetup.path(id, "reassign"), new JsonObject().put("lead", "urban")
                .put("assisting", new JsonArray().add("d.dongcheng")).put("reason", "请东城区协办"));
        String number = dispatcher.get("/api/v1/tickets/" + id).getString("number");

        page.login("dongcheng", "dongcheng12345");
        String row = "tr[data-number='" + number + "']";
        assertThat(page.visible(row).getText()).contains("协办").contains("时限");
        page.screenshot("22-assisting-unit-inbox");
        page.visible(row).click();
        page.visible("#ticket-heading");
        assertThat(page.offeredActions()).containsExactly("assist-sign");
        assertThat(page.visible("#assistance").getText()).contains("待签收");
        page.command("assist-sign");
        page.waitForNotice("协办签收成功");
        assertThat(page.offeredActions()).containsExactly("assist-opinion");
        page.command("assist-opinion", "opinion", "东城区已安排人民路街道配合排查线路");
        page.waitForNotice("提交协办意见成功");
        assertThat(page.offeredActions()).isEmpty();

        page.login("urban", "urban12345");
        page.visible(row).click();
        page.visible("#ticket-heading");
        assertThat(page.visible("#assistance").getText()).contains("已提交协办意见").contains("东城区已安排人民路街道配合排查线路");
        assertThat(page.offeredActions()).contains("sign").doesNotContain("assist-sign", "assist-opinion");
        page.screenshot("23-lead-reads-assisting-opinion");
    }
}
