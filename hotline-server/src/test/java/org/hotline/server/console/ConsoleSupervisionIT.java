package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The supervision paths of the console in real headless Chromium at 1366x768 against the running
 * server with its embedded real Redis: returns asked by a department and rejected or approved,
 * urging, a reply sent back, the dispatcher queue, and refusals shown with the API's reason.
 */
class ConsoleSupervisionIT extends ConsoleTestBase {

    // no spaces or punctuation to break at: the layout must still wrap it
    private static final String LONG_TITLE = "建设路与幸福路交叉口东北角人行道上的路灯杆严重倾斜随时可能倒下砸伤行人和过往车辆".repeat(3);

    private static StaffApi dispatcher;
    private static TicketSetup setup;

    @BeforeAll
    static void prepare() throws Exception {
        dispatcher = server.staff("dispatcher");
        setup = new TicketSetup(dispatcher);
    }

    @Test
    void aReturnIsRejectedFromTheQueueThenApprovedToAnotherUnitAndLongTextStaysInsideTheWindow() throws Exception {
        String id = setup.assignedTo("urban", "13811110001", LONG_TITLE, "路灯杆倾斜，底座松动。".repeat(40));
        String number = dispatcher.get("/api/v1/tickets/" + id).getString("number");

        departmentAsksToReturn(number, "路灯杆属供电公司资产，应由供电公司处置");
        assertThat(page.fitsTheWindow()).as("inbox and ticket page at 1366x768 with a long title").isTrue();

        page.login("supervisor", "supervisor12345");
        page.waitForQueued("returns", number);
        assertThat(page.fitsTheWindow()).as("supervisor queues with a long title").isTrue();
        page.screenshot("33-supervisor-return-queue");
        page.openFromQueue("returns", number);
        assertThat(page.visible("#view-ticket dl.facts").getText()).contains("路灯杆属供电公司资产");
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("34-supervisor-return-ticket");
        page.command("reject-return", "reason", "路灯设施由城管局统一管理，请继续办理");
        assertThat(page.waitForNotice("驳回退单成功")).contains(number);
        assertThat(dispatcher.get("/api/v1/tickets/" + id).getString("status")).isEqualTo("SIGNED");

        departmentAsksToReturn(number, "经核实该路段路灯已移交水务集团泵站管理");
        page.login("supervisor", "supervisor12345");
        page.openFromQueue("returns", number);
        page.command("approve-return", "newLead", "util.water", "reason", "同意改派水务集团");
        assertThat(page.waitForNotice("批准退单（改派）成功")).contains(number);
        page.screenshot("35-supervisor-return-approved");

        assertThat(page.visible("#ticket-events").getText()).contains("申请退单", "路灯杆属供电公司资产", "驳回退单",
                "路灯设施由城管局统一管理", "同意退单", "同意改派水务集团", "中原水务集团");

        JsonObject moved = dispatcher.get("/api/v1/tickets/" + id);
        assertThat(moved.getString("status")).isEqualTo("ASSIGNED");
        assertThat(moved.getString("leadDepartment")).isEqualTo("util.water");
        assertThat(moved.getInteger("returnCount")).isEqualTo(2);
    }

    @Test
    void theSupervisorUrgesThenSendsAnIncompleteReplyBackAndARefusalShowsTheApisReason() throws Exception {
        String id = setup.assignedTo("urban", "13811110002", "垃圾桶破损无人更换", "东风路菜市场门口的垃圾桶破损，垃圾散落一地");
        StaffApi urban = server.staff("urban");
        urban.post(TicketSetup.path(id, "sign"), new JsonObject());
        String number = dispatcher.get("/api/v1/tickets/" + id).getString("number");

        page.login("supervisor", "supervisor12345");
        page.type("#view-supervisor form [name=id]", number);   // the number people quote opens it
        page.visible("#view-supervisor form button[type=submit]").click();
        assertThat(page.visible("#ticket-heading").getText()).contains(number);
        assertThat(page.offeredActions()).doesNotContain("approve-extension", "sign", "close")
                .contains("reassign", "urge", "suspend");
        page.command("urge", "level", "SUPERVISE", "reason", "群众多次来电，请加快办理");
        assertThat(page.waitForNotice("催办/督办成功")).contains(number);
        page.command("reassign", "lead", "urban", "reason", "改派给原单位");
        assertThat(page.waitForNotice("改派失败")).isEqualTo("改派失败：改派的单位与当前承办单位相同");
        page.screenshot("36-supervisor-refusal-shown");

        urban.post(TicketSetup.path(id, "reply"), new JsonObject().put("text", "已处理").put("result", "RESOLVED"));
        page.visible("button[accesskey=b]").click();
        page.openFromQueue("replies", number);
        page.command("send-back-reply", "reason", "答复过于简单，未说明是否已更换垃圾桶，请补充现场照片");
        assertThat(page.waitForNotice("答复退回重办成功")).contains(number);
        page.screenshot("37-supervisor-reply-sent-back");

        JsonObject after = dispatcher.get("/api/v1/tickets/" + id);
        assertThat(after.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(after.getInteger("urgeCount")).isEqualTo(1);
        assertThat(after.getValue("reply")).isNull();
    }

    @Test
    void aDispatcherPlacesAnAppealWaitingInTheQueueWithOneClickOnASuggestion() throws Exception {
        String id = setup.file("13811110003", "咨询一下", "你好，我想问一下这个事情应该找谁，谢谢。").getString("id");
        setup.settled(id);
        assertThat(TicketSetup.queued(dispatcher, id)).as("a vague appeal is left to the dispatchers").isTrue();

        page.login("dispatcher", "dispatcher12345");
        String item = "#queue-dispatch li[data-ticket-id='" + id + "']";
        page.waitUntil(driver -> {
            if (!driver.findElements(By.cssSelector(item)).isEmpty()) {
                return true;
            }
            driver.findElement(By.id("queues-refresh")).click();
            return false;
        });
        assertThat(page.visible(item).getText()).contains("咨询一下");
        assertThat(page.fitsTheWindow()).isTrue();
        page.screenshot("38-dispatcher-queue");
        page.visible(item + " button.dispatch-suggestion:not([disabled])").click();
        assertThat(page.waitForNotice("派单成功")).contains("已派至");

        JsonObject placed = dispatcher.get("/api/v1/tickets/" + id);
        assertThat(placed.getString("status")).isEqualTo("ASSIGNED");
        assertThat(placed.getString("leadDepartment")).isNotBlank();
        assertThat(placed.getJsonObject("category")).isNotNull();
    }

    @Test
    void aDistrictHandsATicketDownToOneOfItsStreetsWhichThenLeadsItUntilTheDistrictTakesItBack() throws Exception {
        String street = dispatcher.get("/api/v1/departments").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(d -> "d.dongcheng".equals(d.getString("parentId")) && "STREET".equals(d.getString("level")))
                .findFirst().orElseThrow().getString("id");
        String id = setup.assignedTo("d.dongcheng", "13811110004", "背街小巷路灯不亮", "东城区人民路街道幸福里小区背街路灯不亮");
        String number = dispatcher.get("/api/v1/tickets/" + id).getString("number");

        page.login("dongcheng", "dongcheng12345");
        page.visible("tr[data-number='" + number + "']").click();
        page.visible("#ticket-heading");
        page.command("sub-assign", "subUnit", street, "reason", "属街道辖区，请街道办理");
        assertThat(page.waitForNotice("转派下级单位成功")).contains(number);
        assertThat(page.visible("#ticket-events").getText()).contains("转派下级单位", "属街道辖区，请街道办理");
        page.screenshot("24-department-sub-assigned");

        assertThat(dispatcher.get("/api/v1/tickets/" + id).getString("leadDepartment")).isEqualTo(street);

        page.command("sub-assign/withdraw", "reason", "街道人手不足，区里直接办理");
        assertThat(page.waitForNotice("收回下级单位办理成功")).contains(number);
        assertThat(page.visible("#ticket-events").getText()).contains("收回下级单位办理", "街道人手不足，区里直接办理");
        page.screenshot("25-department-took-back");
        assertThat(dispatcher.get("/api/v1/tickets/" + id).getString("leadDepartment")).isEqualTo("d.dongcheng");
    }

    private void departmentAsksToReturn(String number, String reason) {
        page.login("urban", "urban12345");
        page.visible("tr[data-number='" + number + "']");
        assertThat(page.fitsTheWindow()).as("inbox with a long title").isTrue();
        page.visible("tr[data-number='" + number + "']").click();
        page.visible("#ticket-heading");
        if (!"已签收".equals(page.visible("#view-ticket .badge").getText())) {
            page.command("sign");
            page.waitForNotice("签收成功");
        }
        page.command("request-return", "reason", reason, "responsibleParty", "中原水务集团");
        assertThat(page.waitForNotice("申请退单成功")).contains(number);
        page.screenshot("23-department-return-requested");
    }
}
