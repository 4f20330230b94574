package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.server.HotlineServer;
import org.hotline.server.config.ConfigLoader;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealAsterisk;
import org.hotline.testsupport.RealChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen's call through the real Asterisk (project dialplan, Local/ channels) pops the agent's
 * screen in the console with the caller's earlier tickets, and the agent files the new ticket on that call.
 */
@Timeout(600)
class ConsoleScreenPopIT {

    private static final String CALLER = "13700001234";

    private static RealAsterisk asterisk;
    private static HotlineServer.Running server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        int agiPort = FreePort.pick();
        asterisk = RealAsterisk.start(Path.of("..", "docker", "asterisk"), Map.of("AGI_PORT", Integer.toString(agiPort)));
        asterisk.cli("core waitfullybooted");
        Path data = Files.createTempDirectory("console-pop-it");
        server = HotlineServer.start(ConfigLoader.load(Map.ofEntries(
                Map.entry("HOTLINE_DATA_DIR", data.toString()), Map.entry("HOTLINE_HTTP_PORT", "0"),
                Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"), Map.entry("HOTLINE_AMI_HOST", asterisk.amiHost()),
                Map.entry("HOTLINE_AMI_PORT", Integer.toString(asterisk.amiPort())),
                Map.entry("HOTLINE_AMI_USERNAME", asterisk.amiUser()), Map.entry("HOTLINE_AMI_SECRET", asterisk.amiSecret()),
                Map.entry("HOTLINE_AGI_PORT", Integer.toString(agiPort)),
                Map.entry("HOTLINE_AGENT_INTERFACE", "Local/{agent}@hotline-sim-agents/n"),
                // nothing listens there: the system push waits in its outbox, the live-call actions do not need it
                Map.entry("HOTLINE_LINK110_URL", "http://127.0.0.1:" + FreePort.pick() + "/"),
                Map.entry("HOTLINE_LINK110_SECRET", "console-test-shared-secret"))));
        browser = RealChromium.newDriver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (asterisk != null) {
            asterisk.stop();
        }
    }

    @Test
    void anAnsweredCallPopsTheCallerWithOpenEarlierTicketsAndTheTicketIsFiledOnThatCall() throws Exception {
        StaffApi agentApi = new StaffApi(server.httpPort(), "agent", "agent12345");
        agentApi.post("/api/v1/tickets", new JsonObject().put("title", "小区门口井盖缺失").put("content", "井盖丢了两天")
                .put("appealType", "HELP").put("phone", CALLER).put("name", "王五"));
        ConsolePage page = new ConsolePage(browser, server.httpPort());
        page.login("agent", "agent12345");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            page.visible("#btn-login").click();   // AMI may still be logging in: sign in again until accepted
            return driver.findElement(By.id("notice")).getText().startsWith("已签入");
        });
        page.visible("#btn-ready").click();
        page.waitForNotice("已示闲");

        call(CALLER);

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
        new StaffApi(server.httpPort(), "admin", "admin12345").post("/api/v1/admin/users", new JsonObject()
                .put("username", "l5001").put("password", "l5001-password-12345").put("role", "AGENT")
                .put("displayName", "坐席 测试"));
        ConsolePage page = new ConsolePage(browser, server.httpPort());
        page.login("l5001", "l5001-password-12345");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            page.visible("#btn-login").click();
            return driver.findElement(By.id("notice")).getText().startsWith("已签入");
        });
        page.visible("#btn-ready").click();
        page.waitForNotice("已示闲");

        call("13700005678");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElement(By.id("pop-caller")).getText().equals("13700005678"));
        page.type("#intake-form [name=title]", "楼下有人持刀打架");
        page.type("#intake-form [name=content]", "两名男子在小区门口斗殴，其中一人持刀");

        assertThat(page.visible("#emergency").getText()).contains("110");
        page.screenshot("42-agent-110-flag");
        page.visible("#btn-110-conference").click();
        assertThat(page.waitForNotice("110")).isEqualTo("已发起与 110 的三方通话");
    }

    private static void call(String caller) throws Exception {
        ManagerConnection network = new ManagerConnectionFactory(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(),
                asterisk.amiSecret()).createManagerConnection();
        network.login();
        try {
            OriginateAction o = new OriginateAction();
            o.setChannel("Local/12345@hotline-in");
            o.setContext("hotline-sim-caller");
            o.setExten("hold");
            o.setPriority(1);
            o.setCallerId(caller);
            o.setAsync(true);
            o.setTimeout(30_000L);
            network.sendAction(o, 10_000);
        } finally {
            network.logoff();
        }
    }
}
