package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealAsterisk;
import org.hotline.testsupport.ShippedAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The phone side of the console against the real Asterisk (project dialplan, Local/ channels): a call
 * pops the agent's screen with the caller's earlier tickets and the ticket is filed on that call; pause
 * with a reason and back to ready; the missed-call list and the callback; 110 transfer and three-way call.
 */
@Timeout(600)
class ConsoleScreenPopIT {

    private static final String CALLER = "13700001234";
    private static final List<String> AGENTS = List.of("agent", "l5001", "p5002", "l5003");

    private static RealAsterisk asterisk;
    private static ConsoleServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        int agiPort = FreePort.pick();
        asterisk = RealAsterisk.start(Path.of("..", "docker", "asterisk"), ShippedAsterisk.substitutions(agiPort));
        asterisk.cli("core waitfullybooted");
        server = ConsoleServer.start(Map.ofEntries(
                Map.entry("HOTLINE_AMI_HOST", asterisk.amiHost()),
                Map.entry("HOTLINE_AMI_PORT", Integer.toString(asterisk.amiPort())),
                Map.entry("HOTLINE_AMI_USERNAME", asterisk.amiUser()), Map.entry("HOTLINE_AMI_SECRET", asterisk.amiSecret()),
                Map.entry("HOTLINE_AGI_PORT", Integer.toString(agiPort)),
                Map.entry("HOTLINE_AGENT_INTERFACE", "Local/{agent}@hotline-sim-agents/n"),
                // nothing listens there: the system push waits in its outbox, the live-call actions do not need it
                Map.entry("HOTLINE_LINK110_URL", "http://127.0.0.1:" + FreePort.pick() + "/"),
                Map.entry("HOTLINE_LINK110_SECRET", "console-test-shared-secret")));
        browser = server.browser;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (asterisk != null) {
            asterisk.stop();
        }
    }

    /** Every agent leaves its queues after a test, so the next test's call reaches the agent it means. */
    @AfterEach
    void signEveryAgentOut() throws Exception {
        StaffApi supervisor = server.staff("supervisor");
        for (String agent : AGENTS) {
            supervisor.post("/api/telephony/agents/" + agent + "/logout", new JsonObject());
        }
    }

    @Test
    void anAnsweredCallPopsTheCallerWithOpenEarlierTicketsAndTheTicketIsFiledOnThatCall() throws Exception {
        StaffApi agentApi = server.staff("agent");
        agentApi.post("/api/v1/tickets", new JsonObject().put("title", "小区门口井盖缺失").put("content", "井盖丢了两天")
                .put("appealType", "HELP").put("phone", CALLER).put("name", "王五"));
        ConsolePage page = server.page;
        page.login("agent", "agent12345");
        signIn(page, "common");
        page.visible("#btn-ready").click();
        page.waitForNotice("已示闲");

        call("12345", CALLER, Map.of());

        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElement(By.id("pop-caller")).getText().equals(CALLER));
        assertThat(page.visible("#pop-tickets .open-ticket").getText()).contains("小区门口井盖缺失");
        assertThat(page.visible("#intake-form [name=phone]").getAttribute("value")).isEqualTo(CALLER);
        page.screenshot("40-agent-screen-pop");

        page.type("#intake-form [name=name]", "王五");
        page.type("#intake-form [name=title]", "井盖仍未补上，夜间有人踩空");
        page.type("#intake-form [name=content]", "来电人再次反映小区门口井盖缺失，夜间有行人踩空。");
        page.select("#intake-form [name=appealType]", "COMPLAINT");
        page.visible("#intake-form button[type=submit]").click();
        page.waitForNotice("工单已登记");
        page.screenshot("41-agent-filed-on-call");

        JsonObject latest = agentApi.get("/api/v1/tickets?phone=" + CALLER).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(t -> t.getString("title").startsWith("井盖仍未补上")).findFirst().orElseThrow();
        assertThat(latest.getJsonArray("callIds")).isNotEmpty();
    }

    @Test
    void anEmergencyDescribedDuringTheCallRaisesThe110FlagAndTheThreeWayCallIsPlaced() throws Exception {
        // agents whose id starts with "l" stay 20 s on the line in the simulated dialplan
        ConsolePage page = onACall("l5001", "common", "12345", "13700005678");
        page.type("#intake-form [name=title]", "楼下有人持刀打架");
        page.type("#intake-form [name=content]", "两名男子在小区门口斗殴，其中一人持刀");

        assertThat(page.visible("#emergency").getText()).contains("110");
        page.screenshot("42-agent-110-flag");
        page.visible("#btn-110-conference").click();
        assertThat(page.waitForNotice("110")).isEqualTo("已发起与 110 的三方通话");
    }

    @Test
    void theAgentPausesWithAReasonGoesBackToReadyAndSignsOutFromTheKeyboard() throws Exception {
        ConsolePage page = newAgent("p5002");
        signIn(page, "enterprise");
        page.select("#pause-reason", "培训");
        page.visible("#btn-pause").sendKeys(Keys.ENTER);
        assertThat(page.waitForNotice("已示忙")).isEqualTo("已示忙：培训");
        page.waitUntil(driver -> driver.findElement(By.id("agent-state")).getText().equals("示忙（培训）"));
        JsonObject seat = server.staff("supervisor").get("/api/telephony/dashboard").getJsonArray("agents").stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("agentId").equals("p5002")).findFirst().orElseThrow();
        assertThat(seat.getString("state")).isEqualTo("PAUSED");
        assertThat(seat.getString("reason")).isEqualTo("培训");
        page.screenshot("43-agent-paused");

        page.visible("#btn-ready").sendKeys(Keys.ENTER);
        page.waitForNotice("已示闲");
        page.waitUntil(driver -> driver.findElement(By.id("agent-state")).getText().equals("空闲"));
        page.visible("#btn-logout").sendKeys(Keys.ENTER);
        page.waitForNotice("已签出");
        page.waitUntil(driver -> driver.findElement(By.id("agent-state")).getText().equals("未签入"));
    }

    @Test
    void aCallerWhoHungUpInTheQueueIsListedForCallbackAndCalledBackByTheAgent() throws Exception {
        String missed = "13700007777";
        StaffApi agentApi = server.staff("agent");
        call("123453", missed, Map.of("HOTLINE_SIM_HOLD", "3"));   // nobody serves the dialect queue: the caller gives up
        new FluentWait<>(agentApi).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .until(api -> api.callbacksOf(missed) > 0);

        ConsolePage page = server.page;
        page.login("agent", "agent12345");
        By entry = By.xpath("//ul[@id='callbacks']/li[span[text()='" + missed + "']]");
        page.waitUntil(driver -> !driver.findElements(entry).isEmpty());
        page.screenshot("44-agent-callback-list");
        browser.findElement(entry).findElement(By.tagName("button")).click();
        assertThat(page.waitForNotice("回拨")).isEqualTo("正在回拨 " + missed);
        // the entry leaves the list only when the citizen answers (SipCallIT, ConsoleSoftphoneIT); nobody answers here
        assertThat(agentApi.callbacksOf(missed)).as("still to call back: the citizen has not answered").isEqualTo(1);
    }

    @Test
    void anEmergencyCallIsTransferredTo110WithOneClick() throws Exception {
        ConsolePage page = onACall("l5003", "enterprise", "123452", "13700008888");
        page.type("#intake-form [name=title]", "家里有人持刀威胁");
        page.type("#intake-form [name=content]", "来电人称丈夫酒后持刀威胁家人，正在发生");
        page.visible("#btn-110-transfer").click();
        assertThat(page.waitForNotice("110")).isEqualTo("已转接 110");
        page.screenshot("45-agent-110-transferred");
        page.visible("#btn-logout").click();
        page.waitForNotice("已签出");
    }

    /** A new agent signed in to {@code queue} and ready, whose screen popped for a call from {@code caller} to {@code line}. */
    private static ConsolePage onACall(String agent, String queue, String line, String caller) throws Exception {
        ConsolePage page = newAgent(agent);
        signIn(page, queue);
        page.visible("#btn-ready").click();
        page.waitForNotice("已示闲");
        call(line, caller, Map.of());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElement(By.id("pop-caller")).getText().equals(caller));
        return page;
    }

    @Test
    void anAdministratorBlocksANumberOnTheAdminPageAndTakesItOffAgain() throws Exception {
        ConsolePage page = server.page;
        page.login("admin", "admin12345");
        page.type("#blocked-form [name=phone]", "13800009999");
        page.clickCentered("#blocked-form button[type=submit]");
        page.waitForNotice("13800009999 已加入黑名单");
        page.visible("#blocked-list li[data-phone='13800009999']");
        assertThat(server.staff("admin").get("/api/telephony/blocked-numbers").getJsonArray("numbers").getList()).contains("13800009999");

        page.clickCentered("#blocked-list li[data-phone='13800009999'] button");
        page.waitForNotice("13800009999 已移出黑名单");
        assertThat(server.staff("admin").get("/api/telephony/blocked-numbers").getJsonArray("numbers").getList()).doesNotContain("13800009999");
    }

    @Test
    void theSupervisorsDashboardShowsTodaysCallMeasuresAndTheAgentsOnLineFromTelephony() throws Exception {
        StaffApi supervisor = server.staff("supervisor");
        // one agent on line (signed in to a queue; AMI may still be connecting, so look again until it is)
        new FluentWait<>(supervisor).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).ignoring(IllegalStateException.class)
                .until(api -> {
                    try {
                        return api.post("/api/telephony/agents/agent/login", new JsonObject().put("queues", new io.vertx.core.json.JsonArray().add("common")));
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        ConsolePage page = server.page;
        page.login("supervisor", "supervisor12345");
        page.browser.navigate().to(page.base() + "/dashboard/");
        page.visible("#calls");
        page.waitUntil(driver -> !driver.findElement(By.id("calls-agents")).getText().equals("–"));

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var queues = supervisor.get("/api/telephony/measures?by=day&from=" + today + "&to=" + today).getJsonArray("rows").stream()
                .map(JsonObject.class::cast).filter(r -> r.containsKey("queue")).toList();
        long offered = queues.stream().mapToLong(r -> r.getLong("offered")).sum();
        long online = supervisor.get("/api/telephony/dashboard").getJsonObject("agentsByState").stream()
                .filter(e -> !e.getKey().equals("LOGGED_OUT")).mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
        assertThat(online).isPositive();
        assertThat(page.textOf("#calls-offered")).isEqualTo(Long.toString(offered));
        assertThat(page.textOf("#calls-agents")).isEqualTo(Long.toString(online));
        assertThat(page.textOf("#calls-answer15")).matches(offered == 0 ? "—" : "\\d+\\.\\d%");
        assertThat(page.textOf("#calls-abandoned")).matches(offered == 0 ? "—" : "\\d+\\.\\d%");
        page.screenshot("91-dashboard-calls");
        assertThat(page.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** A new agent account, logged in to the console. */
    private static ConsolePage newAgent(String id) throws Exception {
        // agents whose id starts with "l" stay 20 s on the line in the simulated dialplan
        server.staff("admin").post("/api/v1/admin/users", new JsonObject()
                .put("username", id).put("password", id + "-password-12345").put("role", "AGENT").put("displayName", "坐席 " + id));
        server.page.login(id, id + "-password-12345");
        return server.page;
    }

    /** Signs in to {@code queue}; AMI may still be logging in, so a refused sign-in is tried again once answered. */
    private static void signIn(ConsolePage page, String queue) {
        page.type("#agent-queues", queue);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            page.js("document.getElementById('notice').textContent = ''");
            page.visible("#btn-login").click();
            return page.waitUntil(d -> {
                String notice = d.findElement(By.id("notice")).getAttribute("textContent");
                return notice.isEmpty() ? null : notice;
            }).startsWith("已签入");
        });
    }

    /** A citizen dialling {@code line} from {@code caller}; the simulated caller stays on the line per {@code variables}. */
    private static void call(String line, String caller, Map<String, String> variables) throws Exception {
        ManagerConnection network = new ManagerConnectionFactory(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(),
                asterisk.amiSecret()).createManagerConnection();
        network.login();
        try {
            OriginateAction o = new OriginateAction();
            o.setChannel("Local/" + line + "@hotline-in");
            o.setContext("hotline-sim-caller");
            o.setExten("hold");
            o.setPriority(1);
            o.setCallerId(caller);
            o.setAsync(true);
            o.setTimeout(30_000L);
            if (!variables.isEmpty()) {
                o.setVariables(variables);
            }
            network.sendAction(o, 10_000);
        } finally {
            network.logoff();
        }
    }
}
