package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * One ticket's whole life, every role in its own pages, on the packaged jar in real headless Chromium,
 * once on the 1366x768 desk screen and once on a 375x667 phone: a citizen files the appeal on
 * /citizen/, the department signs and answers it from its inbox (its own statistics below count it), the supervisor accepts the answer,
 * the agent records an unsatisfied return visit from its 待回访 list, the supervisor finds the ticket
 * by its number and orders 重办, the department answers again, the citizen follows the progress and
 * rates the reply, the supervisor closes it and goes to the dashboard (today's 满意率 counts the rating, the
 * trend has 30 days, 今日受理 opens the list with the ticket), the administrator opens the
 * administrators' pages. Every page must fit the window (no horizontal scrolling) and the browser
 * console must stay free of errors ({@link ConsoleTestBase}); each page is photographed for docs/console.md.
 */
class EveryRoleEveryScreenIT extends ConsoleTestBase {

    private static StaffApi dispatcher;
    private static TicketSetup setup;
    private String size;

    @BeforeAll
    static void prepare() throws Exception {
        dispatcher = server.staff("dispatcher");
        setup = new TicketSetup(dispatcher);
    }

    @AfterEach
    void backToTheDesk() {
        page.phoneSize(false);
    }

    @ParameterizedTest(name = "phone {0}")
    @ValueSource(booleans = {false, true})
    void aTicketLivesFromTheCitizensAppealThroughRehandlingToTheRatingAndCloseWithEveryRoleOnItsOwnPages(boolean phone) throws Exception {
        page.phoneSize(phone);
        size = phone ? "-phone" : "-desk";
        String caller = phone ? "13977770002" : "13977770001";

        // the citizen files the appeal: no login
        page.browser.get(page.base() + "/citizen/");
        page.select("#appeal-form [name=appealType]", "COMPLAINT");
        page.type("#appeal-form [name=title]", "小区路灯连续三晚不亮");
        page.type("#appeal-form [name=content]", "和平小区三号楼前的路灯连续三个晚上不亮，老人晚上出门很不方便，请尽快维修。");
        page.type("#appeal-form [name=district]", "东城区");
        page.type("#appeal-form [name=phone]", caller);
        page.visible("#appeal-form button[type=submit]").click();
        String number = page.visible("#filed-number").getText();
        String code = page.visible("#filed-code").getText();
        shot("70-citizen-appeal");

        // the dispatcher's pages; the ticket goes to the city management bureau whatever automatic dispatch did
        page.login("dispatcher", "dispatcher12345");
        page.visible("#queue-dispatch");
        shot("71-dispatcher-queues");
        page.clickCentered("#nav button[data-view=agent]");
        page.visible("#intake-form");
        shot("72-dispatcher-intake");
        String id = dispatcher.get("/api/v1/tickets/" + number).getString("id");
        setup.led(id, "urban");

        departmentAnswers(number, "已更换路灯灯具，恢复照明。", "73-department-inbox", "74-department-answered");
        supervisorAcceptsTheAnswer(number, "75-supervisor-reply-review");

        page.login("agent", "agent12345");
        page.visible("#intake-form");
        page.waitForListed("agent-queue-visits", "agent-visits-refresh", number);
        shot("76-agent-workbench");
        page.waitForListed("agent-queue-visits", "agent-visits-refresh", number).click();
        offered("revisit");
        assertThat(page.offeredActions()).containsExactly("revisit");
        page.command("revisit", "resolution", "UNRESOLVED", "satisfaction", "DISSATISFIED", "note", "市民反映路灯仍然时亮时灭");
        page.waitForNotice("录入回访成功");
        shot("77-agent-return-visit");

        page.login("supervisor", "supervisor12345");
        page.type("#find-form [name=q]", number);
        page.visible("#find-form button[type=submit]").click();
        assertThat(page.visible("#ticket-heading").getText()).contains(number);
        offered("rehandle");
        assertThat(page.offeredActions()).contains("rehandle", "close");
        page.command("rehandle", "reason", "回访不满意：路灯仍时亮时灭，请重新办理");
        assertThat(page.waitForNotice("重办成功")).contains(number);
        shot("78-supervisor-rehandled");

        departmentAnswers(number, "已更换整条线路，路灯稳定照明。", null, null);
        supervisorAcceptsTheAnswer(number, null);

        // the citizen looks the ticket up with number and query code, and rates the second answer
        page.browser.get(page.base() + "/citizen/#progress?number=" + number + "&code=" + code);
        assertThat(page.visible("#progress-facts").getText()).contains("市城市管理局", "已更换整条线路").doesNotContain("urban");
        shot("79-citizen-progress");
        page.select("#rating-form [name=resolution]", "RESOLVED");
        page.select("#rating-form [name=satisfaction]", "SATISFIED");
        page.visible("#rating-form button[type=submit]").click();
        page.waitForNotice("感谢您的评价");
        shot("80-citizen-rated");

        page.login("supervisor", "supervisor12345");
        page.openFromQueue("revisited", number);
        offered("close");
        page.command("close", "reason", "重办后市民满意");
        assertThat(page.waitForNotice("办结成功")).contains(number);
        String category = page.visible("#view-ticket dl.facts").findElement(By.xpath("dt[.='分类']/following-sibling::dd[1]")).getText();
        assertThat(page.visible("#ticket-events").getText()).contains("重办", "回访不满意", "已更换整条线路", "办结")
                .as("the classification in the history by its name, not by its code alone").contains("分类：" + category + "（")
                .doesNotContainPattern("分类：\\d{6}");
        shot("81-supervisor-closed");
        page.browser.navigate().to(page.base() + "/dashboard/"); // 督办看板, under the console's session
        page.visible("#board");
        page.waitUntil(driver -> !driver.findElements(By.cssSelector("#departments tbody a")).isEmpty());
        // today's 满意率 of the center counts this ticket's rating (the reports follow the index: look again until it has it)
        page.waitUntil(driver -> {
            if (driver.findElement(By.id("today-satisfaction")).getText().matches("\\d+\\.\\d%")) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
        assertThat(page.js("return echarts.getInstanceByDom(document.getElementById('chart-trend')).getOption().series[0].data.length"))
                .as("the trend has every one of the last 30 days").isEqualTo(30L);
        shot("82-supervisor-dashboard");
        page.clickCentered("#today-link");
        page.waitForListed("find-results", "find-again", number);
        assertThat(page.visible("#view-find h2").getText()).isEqualTo("今日受理的工单");

        page.login("admin", "admin12345");
        page.visible("#admin-units tr[data-unit='urban']");
        page.visible("#admin-users");
        shot("83-admin-pages");
        page.clickCentered("#nav button[data-view=supervisor]");
        page.visible("#queue-revisited");
        shot("84-admin-ticket-lookup");
        page.logOut();
        shot("85-login");

        JsonObject done = dispatcher.get("/api/v1/tickets/" + id);
        assertThat(done.getString("status")).isEqualTo("CLOSED");
        assertThat(done.getInteger("reopenCount")).isEqualTo(1);
        assertThat(done.getJsonObject("visit").getString("satisfaction")).isEqualTo("SATISFIED");
    }

    /** The department opens the ticket from its inbox, signs it and answers it (resolved). */
    private void departmentAnswers(String number, String answer, String inboxShot, String answeredShot) {
        page.login("urban", "urban12345");
        page.visible("tr[data-number='" + number + "']");
        // 本单位统计 below the inbox counts the ticket this month (the report follows the index: ask again until it has it)
        page.waitUntil(driver -> {
            if (Integer.parseInt(driver.findElement(By.id("stats-tickets")).getText()) > 0) {
                return true;
            }
            driver.findElement(By.id("stats-refresh")).click();
            return false;
        });
        shot(inboxShot);
        page.clickCentered("tr[data-number='" + number + "']");
        page.visible("#ticket-heading");
        page.command("sign");
        page.waitForNotice("签收成功");
        page.command("reply", "text", answer, "result", "RESOLVED");
        page.waitForNotice("答复成功");
        shot(answeredShot);
    }

    private void supervisorAcceptsTheAnswer(String number, String reviewShot) {
        page.login("supervisor", "supervisor12345");
        page.visible("#view-supervisor");
        page.waitForQueued("replies", number);
        shot(reviewShot);
        page.openFromQueue("replies", number);
        page.command("accept-reply", "reason", "答复完整");
        page.waitForNotice("审核通过答复成功");
    }

    /** Waits until the ticket page offers {@code action} (the page lists the commands once the ticket view has loaded). */
    private void offered(String action) {
        page.waitUntil(driver -> !driver.findElements(By.cssSelector("#view-ticket form[data-action='" + action + "']")).isEmpty());
    }

    /** Every page fits the window at this size; then it is photographed (null: this step's page was photographed before). */
    private void shot(String name) {
        assertThat(page.fitsTheWindow()).as(() -> "no horizontal scrolling on " + name + size + ": " + page.overflowing()).isTrue();
        if (name != null) {
            page.screenshot(name + size);
        }
    }
}
