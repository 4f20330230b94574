package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor dashboard's red and yellow by department and by clock follow the inboxes' rule, on the
 * packaged jar in real headless Chromium at 1366x768 and 375x667: the administrator sets time limits that
 * run out within a minute (an urgent ticket's 1-minute sign-for clock turns red, an ordinary ticket's
 * 60-minute one shows yellow after 36 s, its 300-working-day handling clock runs into 2028, a year
 * without holiday data, so its deadline is 暂定). The department's inbox and the dashboard then show the
 * same colours, each count opens the list of exactly those tickets, the ticket page marks the provisional
 * deadline, no telephony means no call section, and the administrator edits and disables a user.
 */
class DashboardCardsIT extends ConsoleTestBase {

    private static String red;
    private static String yellow;
    private String size;

    @BeforeAll
    static void ticketsWithCards() throws Exception {
        StaffApi admin = server.staff("admin");
        admin.put("/api/v1/admin/time-limits", new JsonObject()
                .put("yellow", new JsonObject().put("remainingWorkingDays", 1).put("remainingFraction", 0.99))
                .put("rules", new JsonArray()
                        .add(new JsonObject().put("name", "测试特急").put("urgencies", new JsonArray().add("EMERGENCY"))
                                .put("clocks", new JsonObject().put("SIGN", "1m").put("CONTACT", "1h").put("HANDLE", "2h"))
                                .put("maxExtensions", 0))
                        .add(new JsonObject().put("name", "一般")
                                .put("clocks", new JsonObject().put("SIGN", "60m").put("CONTACT", "1wd").put("RETURN_WINDOW", "2wd")
                                        .put("HANDLE", "300wd"))
                                .put("maxExtensions", 1).put("maxExtension", "10wd"))));
        StaffApi dispatcher = server.staff("dispatcher");
        TicketSetup setup = new TicketSetup(dispatcher);
        String redId = setup.led(dispatcher.post("/api/v1/tickets", new JsonObject().put("title", "燃气管道泄漏气味").put("content", "楼道里有明显燃气味，请立即处理。")
                .put("appealType", "HELP").put("urgency", "EMERGENCY").put("phone", "13966660001").put("name", "测试来电人")).getString("id"), "urban");
        String yellowId = setup.assignedTo("urban", "13966660002", "人行道地砖松动", "人民路人行道地砖松动，行人容易绊倒。");
        red = dispatcher.get("/api/v1/tickets/" + redId).getString("number");
        yellow = dispatcher.get("/api/v1/tickets/" + yellowId).getString("number");
    }

    @AfterEach
    void backToTheDesk() {
        page.phoneSize(false);
    }

    @ParameterizedTest(name = "phone {0}")
    @ValueSource(booleans = {false, true})
    void theDashboardCountsRedAndYellowAsTheInboxShowsThemAndEachCountOpensItsTickets(boolean phone) throws Exception {
        page.phoneSize(phone);
        size = phone ? "-phone" : "-desk";

        // the department's inbox: the sign-for clock decides both colours (the inbox re-reads itself every 30 s)
        page.login("urban", "urban12345");
        // the urgent ticket's minute may not be over yet: wait past it (the page shows the colours, not the test's clock)
        new WebDriverWait(page.browser, Duration.ofMinutes(3)).pollingEvery(Duration.ofSeconds(2))
                .until(driver -> !driver.findElements(By.cssSelector("tr.mark-red[data-number='" + red + "']")).isEmpty()
                        && !driver.findElements(By.cssSelector("tr.mark-yellow[data-number='" + yellow + "']")).isEmpty());
        long inboxRed = page.browser.findElements(By.cssSelector("tr.mark-red[data-number]")).size();
        long inboxYellow = page.browser.findElements(By.cssSelector("tr.mark-yellow[data-number]")).size();
        shot("86-department-inbox-cards");

        // the ordinary ticket's handling deadline runs into a year without holiday data: 暂定 on the ticket page
        page.clickCentered("tr[data-number='" + yellow + "']");
        page.visible("#ticket-heading");
        var badge = page.visible("#view-ticket .badge.provisional");
        assertThat(badge.getText()).isEqualTo("暂定");
        assertThat(badge.getDomAttribute("title")).contains("尚未导入", "节假日");
        page.js("arguments[0].scrollIntoView({block: 'center'})", badge);
        shot("87-ticket-provisional-deadline");

        page.login("supervisor", "supervisor12345");
        page.browser.navigate().to(page.base() + "/dashboard/");
        page.visible("#board");
        page.waitUntil(driver -> driver.findElement(By.cssSelector("#cards-by-department tbody")).getText()
                .contains(" " + inboxYellow + " " + inboxRed));
        String byDepartment = page.textOf("#cards-by-department tbody");
        assertThat(byDepartment).as("the unit's counts are its inbox's").contains("市城市管理局 " + inboxYellow + " " + inboxRed);
        assertThat(page.textOf("#cards-by-clock tbody")).as("both decided by the sign-for clock").contains("签收时限 1 1");
        assertThat(page.textOf("#red")).isEqualTo("1");
        assertThat(page.textOf("#yellow")).isEqualTo("1");
        assertThat(page.browser.findElement(By.id("calls")).getDomAttribute("hidden")).as("no telephony: no call section").isNotNull();
        page.js("document.getElementById('cards-by-department').scrollIntoView({block: 'center'})");
        shot("88-dashboard-cards");

        // each count opens its list: the unit's red, then the sign-for clock's yellow, then the yellow card
        page.clickCentered("#cards-by-department tbody tr td:nth-child(3) a");
        assertThat(listed("市城市管理局：红牌工单")).containsExactly(red);
        shot("89-dashboard-red-list");
        page.clickCentered("#card-list-close");
        page.visible("#board");
        page.clickCentered("#cards-by-clock tbody tr td:nth-child(2) a");
        assertThat(listed("签收时限：黄牌工单")).containsExactly(yellow);
        page.clickCentered("#card-list-close");
        page.clickCentered("#yellow-link");
        assertThat(listed("全部单位：黄牌工单")).containsExactly(yellow);
        // a listed number opens the ticket in the console, under the same login
        page.clickCentered("#card-list-rows a");
        assertThat(page.visible("#ticket-heading").getText()).contains(yellow);
    }

    @ParameterizedTest(name = "phone {0}")
    @ValueSource(booleans = {false, true})
    void theAdministratorEditsAUsersNameRoleAndUnitAndDisablesTheAccount(boolean phone) throws Exception {
        page.phoneSize(phone);
        size = phone ? "-phone" : "-desk";
        String username = phone ? "mover-phone" : "mover-desk";
        server.staff("admin").post("/api/v1/admin/users", new JsonObject().put("username", username)
                .put("password", "mover-pass-1").put("role", "AGENT").put("displayName", "调岗人员"));

        page.login("admin", "admin12345");
        page.clickCentered("#admin-users tr[data-username='" + username + "'] .user-edit");
        page.visible("#user-edit-form");
        page.browser.findElement(By.cssSelector("#user-edit-form [name=displayName]")).clear();
        page.type("#user-edit-form [name=displayName]", "调岗后的经办人");
        page.select("#user-edit-form [name=role]", "DEPARTMENT");
        page.select("#user-edit-form [name=departmentId]", "urban");
        shot("90-admin-user-edit");
        page.clickCentered("#user-edit-form button[type=submit]");
        page.waitForNotice("保存修改成功");
        // the list is read again after the notice: wait for the new row
        String userRow = "#admin-users tr[data-username='" + username + "']";
        page.waitUntil(driver -> driver.findElement(By.cssSelector(userRow)).getText().contains("调岗后的经办人"));
        assertThat(page.textOf(userRow)).contains("调岗后的经办人", "承办单位", "市城市管理局", "正常");

        page.clickCentered(userRow + " .user-toggle");
        page.waitForNotice("停用成功");
        page.waitUntil(driver -> driver.findElement(By.cssSelector(userRow)).getText().contains("已停用"));
        JsonObject account = server.staff("admin").get("/api/v1/admin/users").getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow();
        assertThat(account.getString("role")).isEqualTo("DEPARTMENT");
        assertThat(account.getString("departmentId")).isEqualTo("urban");
        assertThat(account.getBoolean("disabled")).isTrue();
        shot(null);
    }

    /** The ticket numbers of the dashboard's card list once the list called {@code title} has loaded. */
    private List<String> listed(String title) {
        page.waitUntil(driver -> title.equals(driver.findElement(By.id("card-list-title")).getText())
                && !driver.findElements(By.cssSelector("#card-list-rows a")).isEmpty());
        shot(null);
        return page.browser.findElements(By.cssSelector("#card-list-rows a")).stream().map(a -> a.getText()).toList();
    }

    private void shot(String name) {
        assertThat(page.fitsTheWindow()).as(() -> "no horizontal scrolling on " + name + size + ": " + page.overflowing()).isTrue();
        if (name != null) {
            page.screenshot(name + size);
        }
    }
}
