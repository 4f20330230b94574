package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists and the search box that let every role find its tickets, and 重办 through the console, in
 * real headless Chromium against the running server with its embedded real Redis and search index.
 */
class ConsoleRehandleAndFindIT extends ConsoleTestBase {

    private static StaffApi dispatcher;
    private static StaffApi urban;
    private static TicketSetup setup;

    @BeforeAll
    static void prepare() throws Exception {
        dispatcher = server.staff("dispatcher");
        urban = server.staff("urban");
        setup = new TicketSetup(dispatcher);
    }

    /** A ticket the urban unit answered and a dispatcher accepted: waiting for the return visit. */
    private static String reviewed(String phone, String title) throws Exception {
        String id = setup.assignedTo("urban", phone, title, title + "，已经持续一周，请尽快处理。");
        urban.post(TicketSetup.path(id, "sign"), new JsonObject());
        urban.post(TicketSetup.path(id, "reply"), new JsonObject().put("text", "已派人处理").put("result", "RESOLVED"));
        dispatcher.post(TicketSetup.path(id, "accept-reply"), new JsonObject());
        return dispatcher.get("/api/v1/tickets/" + id).getString("number");
    }

    @Test
    void theAgentRecordsAnUnsatisfiedVisitFromItsListAndTheSupervisorFindsTheTicketByNumberAndRehandlesIt() throws Exception {
        String number = reviewed("13822220001", "小区二次供水水压不足");

        page.login("agent", "agent12345");
        page.waitForListed("agent-queue-visits", "agent-visits-refresh", number).click();
        assertThat(page.visible("#ticket-heading").getText()).contains(number);
        assertThat(page.offeredActions()).containsExactly("revisit");
        page.screenshot("16-agent-return-visit-list");
        page.command("revisit", "resolution", "UNRESOLVED", "satisfaction", "DISSATISFIED", "note", "水压仍然不足");
        page.waitForNotice("录入回访成功");
        // a visited ticket may be visited again by a person (复核回访 of a survey campaign, docs/surveys.md)
        assertThat(page.offeredActions()).containsExactly("revisit", "close");

        page.login("supervisor", "supervisor12345");
        page.type("#find-form [name=q]", number);
        page.visible("#find-form button[type=submit]").click();
        assertThat(page.visible("#ticket-heading").getText()).contains(number);
        assertThat(page.offeredActions()).containsExactly("revisit", "rehandle", "close", "merge"); // 并单 is offered at any stage before closing
        // times in the hotline's zone (the seed's Asia/Shanghai), whatever the browser's zone is
        String received = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.parse(dispatcher.get("/api/v1/tickets/" + number).getString("receivedAt"))
                        .atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(page.visible("#view-ticket dl.facts").getText()).contains(received);
        // codes in Chinese: the channel, the time limits
        assertThat(page.visible("#view-ticket").getText()).contains("电话").doesNotContain("PHONE").doesNotContainPattern("\\dwd");
        page.command("rehandle", "reason", "市民反映问题未解决，请重新办理");
        assertThat(page.waitForNotice("重办成功")).contains(number);
        assertThat(page.visible("#view-ticket .badge").getText()).isEqualTo("已派单");
        assertThat(page.visible("#ticket-events").getText()).contains("市民反映问题未解决，请重新办理");
        page.screenshot("40-supervisor-rehandled");

        JsonObject again = dispatcher.get("/api/v1/tickets/" + number);
        assertThat(again.getString("status")).isEqualTo("ASSIGNED");
        assertThat(again.getInteger("reopenCount")).isEqualTo(1);
        assertThat(again.getString("leadDepartment")).isEqualTo("urban");
    }

    @Test
    void theSupervisorSeesThisMonthsReturnVisitFiguresPerChannelAndTheAgentItsReVisitList() throws Exception {
        String number = reviewed("13822220003", "背街小巷路灯不亮");
        StaffApi agent = server.staff("agent");
        agent.post(TicketSetup.path(dispatcher.get("/api/v1/tickets/" + number).getString("id"), "revisit"),
                new JsonObject().put("resolution", "RESOLVED").put("satisfaction", "SATISFIED"));
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        StaffApi supervisor = server.staff("supervisor");
        JsonObject byAgents = awaitAgentAnswers(supervisor, month);

        page.login("supervisor", "supervisor12345");
        String row = page.visible("#survey-report tr[data-channel=AGENT]").getText();
        assertThat(row).startsWith("人工电话回访").contains(" " + byAgents.getLong("surveyed") + " " + byAgents.getLong("answered") + " ");
        assertThat(page.visible("#survey-agreement").getText()).startsWith("机器与人工一致率");
        assertThat(page.visible("#survey-revisits").getText()).contains("复核回访");
        page.screenshot("56-supervisor-survey-figures");

        page.login("agent", "agent12345");
        assertThat(page.visible("#survey-revisits").getText()).contains("复核回访");
    }

    /** The survey ledger follows the ticket stream: polls the month's figures until the agent's visit is counted. */
    private static JsonObject awaitAgentAnswers(StaffApi supervisor, String month) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject agentRow = supervisor.get("/api/v1/reports/surveys?from=" + month + "&to=" + month).getJsonObject("total")
                    .getJsonArray("channels").stream().map(JsonObject.class::cast).filter(c -> "AGENT".equals(c.getString("channel")))
                    .findFirst().orElseThrow();
            if (agentRow.getLong("answered") > 0) {
                return agentRow;
            }
            assertThat(System.nanoTime()).as("the agent's visit is not counted: %s", agentRow).isLessThan(deadline);
            // the ledger runs in the server process: nothing here to await, so ask again shortly
            Thread.sleep(200);
        }
    }

    @Test
    void theDepartmentSeesWhatItFinishedAndStaffFindTicketsByWordsAndByThePhone() throws Exception {
        String number = reviewed("13822220002", "菜市场门口积水严重");

        page.login("urban", "urban12345");
        page.waitForListed("queue-finished", "finished-refresh", number);
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("26-department-finished");
        page.phoneSize(true);
        try {
            page.reload();
            page.waitForListed("queue-finished", "finished-refresh", number);
            assertThat(page.fitsTheWindow()).as("inbox and finished list at 375x667").isTrue();
            page.screenshot("27-department-inbox-phone");
        } finally {
            page.phoneSize(false);
        }

        page.login("dispatcher", "dispatcher12345");
        page.type("#find-form [name=q]", "菜市场积水");
        page.visible("#find-form button[type=submit]").click();
        page.waitForListed("find-results", "find-again", number);
        page.screenshot("41-staff-search-words");
        page.type("#find-form [name=q]", "13822220002");
        page.visible("#find-form button[type=submit]").click();
        page.waitForListed("find-results", "find-again", number).click();
        assertThat(page.visible("#ticket-heading").getText()).contains(number);
    }

    @Test
    void theSupervisorGoesToTheDashboardWithoutASecondLoginFollowsAFigureToItsListAndLogsOut() throws Exception {
        String number = reviewed("13822220003", "背街小巷垃圾堆放");

        page.login("supervisor", "supervisor12345");
        page.visible("#dashboard-link").click();
        page.visible("#board");
        page.waitUntil(driver -> !driver.findElements(org.openqa.selenium.By.cssSelector("#departments tbody a")).isEmpty());
        page.screenshot("42-dashboard-same-login");
        String urbanTickets = "//table[@id='departments']//tr[td[1][normalize-space(.)='市城市管理局']]/td[2]/a";
        page.waitUntil(driver -> driver.findElement(org.openqa.selenium.By.xpath(urbanTickets))).click();
        page.waitForListed("find-results", "find-again", number);
        assertThat(page.visible("#view-find h2").getText()).isEqualTo("市城市管理局的工单");
        page.screenshot("43-dashboard-figure-list");

        browser.navigate().to(page.base() + "/dashboard/");
        page.logOut();
        assertThat(page.js("return sessionStorage.getItem('hotline.console.session')")).isNull();
    }
}
