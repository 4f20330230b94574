package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.ShippedAsterisk;
import org.hotline.testsupport.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's soft phone bar against the real Asterisk 22 on the shipped configuration: headless
 * Chromium with fake microphone registers over SIP-over-WebSocket (JsSIP, transport-ws) with the
 * credentials of a WebRTC log-in; a citizen calls from sipp through the carrier trunk; the agent answers
 * in the browser (DTLS-SRTP, ICE), the screen pop shows the caller; hold, hang-up, blind and attended
 * transfer, the three-way call with 110.
 * No Local/ channel anywhere: the agent interface is the default PJSIP/{agent}.
 */
@Timeout(600)
class ConsoleSoftphoneIT {

    private static ShippedAsterisk asterisk;
    private static int citizensPort;
    private static ConsoleServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        int agiPort = FreePort.pick();
        citizensPort = FreePort.pick();
        // a callback dials the citizen through the carrier trunk: here the carrier is a sipp phone that answers
        asterisk = ShippedAsterisk.start(Path.of(".."), agiPort, Map.of("pjsip_local.conf",
                "[carrier-aor](+)\ncontact = sip:127.0.0.1:" + citizensPort + "\n"));
        asterisk.asterisk().cli("core waitfullybooted");
        server = ConsoleServer.start(Map.of(
                "HOTLINE_AMI_HOST", asterisk.asterisk().amiHost(),
                "HOTLINE_AMI_PORT", Integer.toString(asterisk.asterisk().amiPort()),
                "HOTLINE_AMI_USERNAME", asterisk.asterisk().amiUser(),
                "HOTLINE_AMI_SECRET", asterisk.asterisk().amiSecret(),
                "HOTLINE_AGI_PORT", Integer.toString(agiPort),
                // the 110 three-way call names its number from the linkage settings; nothing listens at the URL,
                // the system push waits in its outbox and the live-call action does not need it
                "HOTLINE_LINK110_URL", "http://127.0.0.1:" + FreePort.pick() + "/",
                "HOTLINE_LINK110_SECRET", "console-test-shared-secret"),
                // getUserMedia answered without a prompt, from a generated tone instead of a microphone
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
        browser = server.browser;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (asterisk != null) {
            asterisk.asterisk().stop();
        }
    }

    /**
     * Any script error of the page, JsSIP's included (a failed WebSocket, a refused SDP), fails the test;
     * so does any warning or error of Asterisk about the browser's media (DTLS, ICE, SRTP, WebSocket).
     */
    @AfterEach
    void noBrowserConsoleErrorsNorAsteriskMediaWarnings() {
        assertThat(server.page.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(asterisk.log()).as("Asterisk's warnings about WebRTC media")
                .filteredOn(line -> line.matches(".*(WARNING|ERROR)\\[\\d+\\].*"
                        + "(res_rtp_asterisk|res_srtp|res_http_websocket|res_pjsip_transport_websocket|res_pjsip_sdp_rtp"
                        + "|\\bDTLS\\b|\\bICE\\b|\\bSRTP\\b).*")).isEmpty();
    }

    @Test
    void theAgentSignsInGoesReadyAnswersInTheBrowserSeesTheScreenPopHoldsAndHangsUp() throws Exception {
        onAnsweredCall("w6001", "13900001111", (page, citizen) -> {
            page.screenshot("46-agent-softphone-talking");
            page.visible("#sp-hold").click();
            waitForState(page, "held");
            assertThat(page.textOf("#sp-hold")).isEqualTo("恢复通话");
            page.visible("#sp-hold").click();
            waitForState(page, "talking");

            page.visible("#sp-hangup").click();
            waitForState(page, "registered");
            // the agent's BYE reached the citizen: sipp ends its call long before its 180 s of patience
            assertThat(citizen.await(Duration.ofSeconds(60)).successful()).isEqualTo(1);
            page.screenshot("47-agent-softphone-hung-up");
        });
    }

    @Test
    void aBlindTransferFromTheBarSendsTheCitizenOnAndFreesTheAgent() throws Exception {
        onAnsweredCall("w6002", "13900002222", (page, citizen) -> {
            page.type("#sp-target", "110");
            page.visible("#sp-blind").click();
            assertThat(page.waitForNotice("已转接")).isEqualTo("已转接 110");
            // Asterisk hung up the agent's leg and moved the citizen on to the (simulated) 110 line
            waitForState(page, "registered");
            assertThat(page.textOf("#sp-caller")).isEmpty();
            page.waitUntil(driver -> citizenChannel("13900002222").filter(c -> c.contains("!hotline-sim-110!")).isPresent());
        });
    }

    @Test
    void anAttendedTransferKeepsTheAgentOnTheLineToTalkToTheTargetFirst() throws Exception {
        onAnsweredCall("w6003", "13900003333", (page, citizen) -> {
            page.type("#sp-target", "110");
            page.visible("#sp-attended").click();
            assertThat(page.waitForNotice("正在咨询")).isEqualTo("正在咨询 110，与对方沟通后挂断即完成转接");
            assertThat(state(page)).isEqualTo("talking");
            // the agent hangs up once 110 has answered (Asterisk collects the number first, as if dialled)
            page.waitUntil(driver -> channels().stream().anyMatch(c -> c.startsWith("Local/110@") && c.contains("!Up!")));
            page.visible("#sp-hangup").click();
            waitForState(page, "registered");
            // the agent's hang-up completed the transfer: the citizen is now in one bridge with the 110 line
            try {
                page.waitUntil(driver -> citizenChannel("13900003333").map(ConsoleSoftphoneIT::bridgeOf)
                        .filter(bridge -> !bridge.isEmpty())
                        .filter(bridge -> channels().stream().anyMatch(c -> c.startsWith("Local/110@") && bridgeOf(c).equals(bridge)))
                        .isPresent());
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("citizen not bridged with 110: " + String.join("\n", channels()), e);
            }
        });
    }

    @Test
    void theThreeWayCallWith110KeepsCitizenAndAgentTogether() throws Exception {
        onAnsweredCall("w6004", "13900004444", (page, citizen) -> {
            page.visible("#sp-110").click();
            assertThat(page.waitForNotice("110")).isEqualTo("已发起与 110 的三方通话");
            page.screenshot("48-agent-softphone-three-way-110");
            assertThat(state(page)).isEqualTo("talking");
            // citizen, agent (still this browser's call) and the 110 line in the bridge named after the call
            String callId = (String) page.js("return document.querySelector('#intake-form [name=callId]').value");
            page.waitUntil(driver -> channels().stream().filter(c -> c.contains("!ConfBridge!" + callId)).count() >= 3);
            page.visible("#sp-hangup").click();
            waitForState(page, "registered");
        });
    }

    @Test
    void aMissedCallerIsCalledBackFromTheListAndTheAgentTalksOnTheSoftPhone() throws Exception {
        String missed = "13900005555";
        // nobody serves 123453: the caller gives up and is listed for a callback
        Sipp.citizenCall("127.0.0.1", asterisk.sipPort(), "123453", missed, Duration.ofSeconds(15));
        StaffApi supervisor = server.staff("supervisor");
        server.page.waitUntil(driver -> supervisor.callbacksOf(missed) > 0);

        ConsolePage page = softphoneSignedIn("w6005");
        By entry = By.xpath("//ul[@id='callbacks']/li[span[text()='" + missed + "']]");
        page.waitUntil(driver -> !driver.findElements(entry).isEmpty());
        // the citizen's phone, behind the carrier trunk, answers after 1 s and talks until the agent hangs up
        try (Sipp.Run citizen = Sipp.answering(citizensPort, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(60))) {
            browser.findElement(entry).findElement(By.tagName("button")).click();
            // the agent's soft phone rings first; once answered Asterisk dials the citizen through the carrier
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> "ringing".equals(state(page)));
            page.clickCentered("#sp-answer"); // clear of the sticky notice bar the callback's notice fills
            waitForState(page, "talking");
            page.waitUntil(driver -> "connected".equals(page.js("return document.getElementById('sp-media').dataset.state")));
            // the entry leaves the list only once the citizen answered
            page.waitUntil(driver -> supervisor.callbacksOf(missed) == 0);
            page.screenshot("49-agent-softphone-callback");
            page.visible("#sp-hangup").click();
            waitForState(page, "registered");
        }
        page.visible("#sp-signout").click();
        page.waitForNotice("软电话已签出");
    }

    /**
     * A new agent signs in on the soft phone and goes ready, a citizen calls 12345 from {@code caller}
     * through the carrier trunk (patient for 180 s), the agent answers in the bar; then {@code during},
     * and the agent signs out.
     */
    private static void onAnsweredCall(String agent, String caller, BiConsumer<ConsolePage, Sipp.Run> during) throws Exception {
        ConsolePage page = softphoneSignedIn(agent);
        try (Sipp.Run citizen = Sipp.citizens("127.0.0.1", asterisk.sipPort(), "12345", List.of(caller), 1, 1,
                Duration.ofSeconds(180))) {
            answer(page, caller);
            during.accept(page, citizen);
        }
        page.visible("#sp-signout").click();
        page.waitForNotice("软电话已签出");
        waitForState(page, "off");
    }

    /** A new agent logged in to the console, the soft phone registered over WebSocket and the agent ready in "common". */
    private static ConsolePage softphoneSignedIn(String agent) throws Exception {
        server.staff("admin").post("/api/v1/admin/users", new JsonObject()
                .put("username", agent).put("password", agent + "-password-12345").put("role", "AGENT").put("displayName", "坐席 " + agent));
        ConsolePage page = server.page;
        page.login(agent, agent + "-password-12345");
        page.visible("#softphone summary").click();
        page.type("#sp-ws", "ws://127.0.0.1:" + asterisk.httpPort() + "/ws");
        page.type("#agent-queues", "common");
        // the server may still be logging in to AMI: a refused sign-in is tried again
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> {
            page.js("document.getElementById('notice').textContent = ''");
            page.visible("#sp-signin").click();
            String notice = page.waitUntil(d -> {
                String text = d.findElement(By.id("notice")).getAttribute("textContent");
                return text.isEmpty() ? null : text;
            });
            return notice.startsWith("软电话已签入");
        });
        waitForState(page, "registered");
        page.visible("#btn-ready").click();
        page.waitForNotice("已示闲");
        page.waitUntil(driver -> driver.findElement(By.id("agent-state")).getText().equals("空闲"));
        return page;
    }

    /** Waits for the citizen's call to ring the bar, answers it and waits for media and the screen pop. */
    private static void answer(ConsolePage page, String caller) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> "ringing".equals(state(page)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the soft phone never rang; Asterisk: " + asterisk.asterisk().cli("queue show common")
                    + asterisk.asterisk().cli("pjsip show contacts") + asterisk.asterisk().cli("core show channels")
                    + String.join("\n", asterisk.log()), e);
        }
        assertThat(page.textOf("#sp-caller")).isEqualTo(caller);
        page.clickCentered("#sp-answer"); // clear of the sticky notice bar the callback's notice fills
        waitForState(page, "talking");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElement(By.id("pop-caller")).getText().equals(caller));
        // ICE and the DTLS handshake with Asterisk completed: the browser's media path is up
        page.waitUntil(driver -> "connected".equals(page.js("return document.getElementById('sp-media').dataset.state")));
        assertThat(page.textOf("#sp-media")).isEqualTo("语音已接通");
        assertThat(page.js("return document.getElementById('sp-audio').srcObject !== null")).isEqualTo(true);
    }

    /** Asterisk's channels, one {@code core show channels concise} line each (channel!context!exten!...!app!data!callerid!...). */
    private static List<String> channels() {
        return asterisk.asterisk().cli("core show channels concise").lines().toList();
    }

    /** The citizen's trunk channel, found by the caller's number. */
    private static java.util.Optional<String> citizenChannel(String caller) {
        return channels().stream().filter(c -> c.startsWith("PJSIP/carrier-") && c.contains("!" + caller + "!")).findFirst();
    }


    /** The bridge id of a concise channel line (13th field; empty when not bridged). */
    private static String bridgeOf(String channelLine) {
        String[] fields = channelLine.split("!", -1);
        return fields.length > 12 ? fields[12] : "";
    }

    private static void waitForState(ConsolePage page, String state) {
        page.waitUntil(driver -> state.equals(state(page)));
    }

    private static String state(ConsolePage page) {
        return (String) page.js("return document.getElementById('sp-status').dataset.state");
    }
}
