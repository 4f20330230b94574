package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

/**
 * Each role's main path through the console in real headless Chromium at 1366x768, against the running
 * server with its embedded real Redis: the agent files a ticket, a dispatcher assigns it (API), the
 * department signs, records contact and asks for an extension, the supervisor approves it, the
 * department replies, the supervisor accepts the reply and records the return visit.
 */
class ConsoleWorkflowIT extends ConsoleTestBase {

    private static final String PHONE = "13912345678";
    // Citizens' text may contain markup; the console must show it as text, never run it.
    private static final String TITLE = "<img src=x onerror=\"window.__xss=1\">幸福路与建设路交叉口东北角的路灯连续三个晚上都不亮，行人和电动车通行非常危险";

    @Test
    void eachRoleWalksItsMainPathFromFilingToReturnVisit() throws Exception {
        String number = agentFilesATicketAndTheDraftSurvivesAReload();
        StaffApi dispatcher = server.staff("dispatcher");
        JsonObject ticket = dispatcher.get("/api/v1/tickets?phone=" + PHONE).getJsonArray("items").getJsonObject(0);
        assertThat(ticket.getString("number")).isEqualTo(number);
        String id = ticket.getString("id");
        assignToUrbanUnlessDispatchDidIt(dispatcher, ticket);

        departmentSignsContactsAndAsksForAnExtension(number);
        page.login("supervisor", "supervisor12345");
        page.visible("#view-supervisor");
        page.openFromQueue("extensions", number);
        page.command("approve-extension", "reason", "同意延期，请按期办结");
        assertThat(page.waitForNotice("批准延期成功")).contains(number);
        page.screenshot("31-supervisor-extension-approved");

        page.login("urban", "urban12345");
        page.visible("tr[data-number='" + number + "']").click();
        page.visible("#ticket-heading");
        page.command("reply", "text", "已安排维修班组更换灯具，路灯已恢复照明。", "result", "RESOLVED",
                "attachments", EvidenceFiles.photo("lamp-after.jpg") + "\n" + EvidenceFiles.pdf("维修记录.pdf"));
        page.waitForNotice("答复成功");
        assertThat(page.visible("#evidence").getText()).contains("附件（3）", "lamp-before.jpg", "lamp-after.jpg", "维修记录.pdf", "市城市管理局");
        page.screenshot("22-department-replied");
        page.js("document.getElementById('evidence').scrollIntoView()");
        page.screenshot("22-department-evidence");

        page.login("supervisor", "supervisor12345");
        page.visible("#view-supervisor");
        page.openFromQueue("replies", number);
        page.command("accept-reply", "reason", "答复完整");
        page.waitForNotice("审核通过答复成功");
        page.visible("button[accesskey=b]").click();
        page.waitForQueued("visits", number);
        page.screenshot("30-supervisor-queues");
        page.openFromQueue("visits", number);
        page.command("revisit", "resolution", "RESOLVED", "satisfaction", "SATISFIED", "note", "群众表示满意");
        page.waitForNotice("录入回访成功");
        page.screenshot("32-supervisor-return-visit");
        page.command("close", "reason", "已回访，群众满意");
        assertThat(page.waitForNotice("办结成功")).contains(number);
        assertThat(page.visible("#no-actions").getText()).isEqualTo("当前没有您可以办理的操作");
        assertThat(page.offeredActions()).isEmpty();
        String history = page.visible("#ticket-events").getText();
        assertThat(history).contains("受理", "派单", "签收", "联系市民", "已电话联系来电人", "申请延期", "灯具需向厂家订购",
                "同意延期", "办理答复", "附件：2 个", "审核通过", "回访", "满意", "办结", "已回访，群众满意");
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("39-supervisor-closed-with-history");

        JsonObject done = dispatcher.get("/api/v1/tickets/" + id);
        assertThat(done.getJsonObject("visit").getString("satisfaction")).isEqualTo("SATISFIED");
        assertThat(dispatcher.get("/api/v1/tickets/" + id + "/attachments").getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("contentType")).toList())
                .containsExactly("image/jpeg", "image/jpeg", "application/pdf");
        assertThat(done.getInteger("extensionCount")).isEqualTo(1);
        assertThat(done.getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void anAgentAnswersAConsultationDirectlyWithoutTheMouseAndTheTicketIsClosed() throws Exception {
        page.login("agent", "agent12345");
        page.type("#intake-form [name=phone]", "13655554444");
        page.visible("#intake-form [name=phone]").sendKeys(Keys.TAB, "孙八");
        page.visible("#intake-form [name=name]").sendKeys(Keys.chord(Keys.ALT, "t"));
        browser.switchTo().activeElement().sendKeys("咨询一下", Keys.TAB, "你好，我想问一下这个事情应该找谁，谢谢。");
        page.select("#intake-form [name=appealType]", "CONSULTATION");
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "a"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("direct-answer");
        browser.switchTo().activeElement().sendKeys("您好，该事项请向所在街道办事处咨询，办公时间为工作日上午九点至下午五点。",
                Keys.chord(Keys.CONTROL, Keys.ENTER));
        String notice = page.waitForNotice("已直接答复");
        page.screenshot("15-agent-direct-answer");

        JsonObject answered = server.staff("agent").get("/api/v1/tickets?phone=13655554444").getJsonArray("items").getJsonObject(0);
        assertThat(notice).isEqualTo("工单 " + answered.getString("number") + " 已直接答复，当前状态：已办结");
        assertThat(answered.getString("status")).isEqualTo("CLOSED");
        assertThat(answered.getJsonObject("reply").getString("text")).contains("街道办事处");
        // filed answered in one commit: the ticket was never waiting for (automatic) dispatch
        assertThat(server.staff("agent").get("/api/v1/tickets/" + answered.getString("id") + "/events").getJsonArray("items").stream()
                .map(e -> ((JsonObject) e).getString("type")).toList())
                .containsExactly("TicketReceived", "TicketAnsweredDirectly", "TicketClosed");
    }

    @Test
    void aSubmitWhileTheNetworkIsDownKeepsTheFormAndTheRetryFilesExactlyOneTicket() throws Exception {
        page.login("agent", "agent12345");
        page.type("#intake-form [name=phone]", "13688886666");
        page.type("#intake-form [name=name]", "赵六");
        page.type("#intake-form [name=title]", "公交站台顶棚漏雨");
        page.type("#intake-form [name=content]", "解放路公交站台顶棚破损，下雨时漏水");
        page.select("#intake-form [name=appealType]", "SUGGESTION");
        var network = (HasNetworkConditions) browser;
        var offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        try {
            page.visible("#intake-form button[type=submit]").click();
            assertThat(page.waitForNotice("登记失败")).contains("网络连接中断");
            page.screenshot("13-agent-offline-kept");
        } finally {
            network.deleteNetworkConditions();
        }
        assertThat(page.visible("#intake-form [name=title]").getAttribute("value")).isEqualTo("公交站台顶棚漏雨");
        page.visible("#intake-form button[type=submit]").click();
        page.waitForNotice("工单已登记");

        StaffApi dispatcher = server.staff("dispatcher");
        assertThat(dispatcher.get("/api/v1/tickets?phone=13688886666").getJsonArray("items")).hasSize(1);
    }

    @Test
    void aSupervisorFilingTheSameCallersRepeatedAppealMergesItIntoTheOpenTicket() throws Exception {
        StaffApi agentApi = server.staff("agent");
        JsonObject first = agentApi.post("/api/v1/tickets", new JsonObject().put("title", "小区垃圾三天没人清运")
                .put("content", "金水湾小区北门垃圾桶满了三天没人清运，气味很大").put("appealType", "COMPLAINT")
                .put("phone", "13577775555").put("name", "钱七"));
        page.login("supervisor", "supervisor12345");
        browser.findElement(By.xpath("//nav/button[text()='登记工单']")).click();
        page.type("#intake-form [name=phone]", "13577775555");
        page.type("#intake-form [name=name]", "钱七");
        page.type("#intake-form [name=title]", "小区垃圾还是没人清运");
        page.type("#intake-form [name=content]", "金水湾小区北门垃圾桶满了没人清运，气味很大");
        page.select("#intake-form [name=appealType]", "COMPLAINT");
        page.visible("#duplicates button.merge").click();
        page.screenshot("14-supervisor-duplicate-warning");
        page.visible("#intake-form button[type=submit]").click();
        assertThat(page.waitForNotice("工单已登记")).contains("已合并为重复件");

        JsonObject merged = agentApi.get("/api/v1/tickets?phone=13577775555").getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(t -> !t.getString("id").equals(first.getString("id"))).findFirst().orElseThrow();
        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(merged.getString("masterTicketId")).isEqualTo(first.getString("id"));
        // merged in its creation commit: automatic dispatch had no moment to assign it first
        assertThat(agentApi.get("/api/v1/tickets/" + merged.getString("id") + "/events").getJsonArray("items").stream()
                .map(e -> ((JsonObject) e).getString("type")).toList()).containsExactly("TicketReceived", "TicketMerged");
    }

    private String agentFilesATicketAndTheDraftSurvivesAReload() {
        page.login("agent", "agent12345");
        page.type("#intake-form [name=phone]", PHONE);
        page.type("#intake-form [name=name]", "李四");
        page.type("#intake-form [name=title]", TITLE);
        page.type("#intake-form [name=content]", "路灯不亮已经三天，晚上很黑，希望尽快修复。".repeat(6));
        page.select("#intake-form [name=appealType]", "HELP");
        page.select("#intake-form [name=district]", "东城区");
        page.select("#intake-form [name=street]", "人民路街道");
        page.type("#intake-form [name=address]", "幸福路与建设路交叉口");
        page.visible(".chip.suggestion");
        page.visible("#intake-form [name=title]").sendKeys(Keys.chord(Keys.ALT, "1"));
        String accepted = page.textOf(".chip.suggestion[aria-pressed='true']");

        page.reload();   // as after a dropped connection: the draft comes back from sessionStorage
        assertThat(page.visible("#intake-form [name=title]").getAttribute("value")).isEqualTo(TITLE);
        assertThat(page.visible("#intake-form [name=street]").getAttribute("value")).isEqualTo("人民路街道");
        assertThat(page.textOf(".chip.suggestion[aria-pressed='true']")).isEqualTo(accepted);
        page.screenshot("10-agent-workbench");

        page.visible("#intake-form [name=address]").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        String notice = page.waitForNotice("工单已登记");
        String number = page.visible("#filed-number").getText();
        assertThat(notice).contains(number).contains("已按建议分类");
        assertThat(page.visible("#intake-form [name=title]").getAttribute("value")).isEmpty();
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("11-agent-filed");

        browser.findElement(By.xpath("//button[text()='查看工单']")).click();
        assertThat(page.visible("#view-ticket dl.facts").getText()).contains("<img src=x");
        String categoryName = accepted.substring(accepted.indexOf(' ') + 1, accepted.indexOf('（'));
        assertThat(page.visible("#view-ticket dl.facts").getText()).contains("/" + categoryName);
        assertThat(page.js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("12-agent-ticket");
        return number;
    }

    private static void assignToUrbanUnlessDispatchDidIt(StaffApi dispatcher, JsonObject ticket) throws Exception {
        String id = ticket.getString("id");
        String status = dispatcher.get("/api/v1/tickets/" + id).getString("status");
        if (status.equals("RECEIVED")) {
            dispatcher.post("/api/v1/tickets/" + id + "/classify", new JsonObject().put("categoryCode", "010103"));
            status = "CLASSIFIED";
        }
        if (status.equals("CLASSIFIED")) {
            dispatcher.post("/api/v1/tickets/" + id + "/assign", new JsonObject().put("lead", "urban"));
        }
    }

    /** The server's working time left, frozen with a note outside working time, moving otherwise. */
    private void assertTheCountdownIsInWorkingTime(String number) {
        var cell = page.visible("tr[data-number='" + number + "'] td.countdown[data-remaining]");
        String text = cell.getText();
        assertThat(text).matches("(剩余|超期) (\\d+(个工作日|天) )?\\d\\d:\\d\\d:\\d\\d(（非工作时间，暂停计时）)?");
        boolean counting = Boolean.parseBoolean(cell.getDomAttribute("data-counting"));
        assertThat(text.endsWith("（非工作时间，暂停计时）")).isEqualTo(!counting);
        if (!counting) {
            page.js("return new Promise((done) => setTimeout(done, 1500))");
            assertThat(cell.getText()).isEqualTo(text);
        }
    }

    private void departmentSignsContactsAndAsksForAnExtension(String number) {
        page.login("urban", "urban12345");
        page.visible("tr[data-number='" + number + "']");
        assertThat(page.visible("#inbox-rows").getText()).contains("剩余");
        assertTheCountdownIsInWorkingTime(number);
        page.screenshot("20-department-inbox");
        page.visible("tr[data-number='" + number + "']").click();
        page.visible("#ticket-heading");
        // before signing, the unit is offered what the rules accept now, and no reply
        assertThat(page.offeredActions()).containsExactly("sign", "request-return");
        page.command("sign");
        page.waitForNotice("签收成功");
        // the handling unit must call the citizen back: it sees the number (no confidentiality was asked)
        assertThat(page.visible("#view-ticket dl.facts").getText()).contains(PHONE);
        page.command("contact", "note", "已电话联系来电人，约定明日上午现场查看", "attachments", EvidenceFiles.photo("lamp-before.jpg"));
        page.waitForNotice("记录联系群众成功");
        page.command("request-extension", "workingDays", "2", "reason", "灯具需向厂家订购，到货需要时间");
        page.waitForNotice("申请延期成功");
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("21-department-ticket");
    }
}
