package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The administrators' pages of the console in real headless Chromium against the running server. */
class AdminPagesIT extends ConsoleTestBase {

    @Test
    void anAdministratorAddsAUnitAndItsUserWhoCanThenSignInAndStopsTheUnitAgain() throws Exception {
        page.login("admin", "admin12345");
        page.visible("#admin-units tr[data-unit='urban']");
        // the bundled data has 2024-2026 only (2027 is not yet published): from November the page warns about 2027
        assertThat(page.visible("#admin-calendar").getText()).contains("Asia/Shanghai", "2026");
        if (java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() >= 11
                || java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() >= 2027) {
            assertThat(page.visible("#calendar-missing").getText()).contains("缺少2027年节假日数据");
        }
        assertThat(page.visible("#admin-users").getText()).contains("urban", "承办单位");
        assertThat(page.visible("#admin-categories").getText()).contains("市城市管理局");
        page.screenshot("60-admin-pages");

        page.type("#unit-form [name=id]", "d.dongcheng.test");
        page.type("#unit-form [name=name]", "东城区测试街道");
        page.select("#unit-form [name=level]", "STREET");
        page.select("#unit-form [name=parentId]", "d.dongcheng");
        page.clickCentered("#unit-form button[type=submit]");
        page.waitForNotice("新增单位成功");
        page.visible("#admin-units tr[data-unit='d.dongcheng.test']");

        page.reload();   // the user form offers the units the console knew at sign-in
        page.type("#user-form [name=username]", "teststreet");
        page.type("#user-form [name=displayName]", "测试街道经办人");
        page.type("#user-form [name=password]", "street-pass-1");
        page.select("#user-form [name=role]", "DEPARTMENT");
        page.select("#user-form [name=departmentId]", "d.dongcheng.test");
        page.clickCentered("#user-form button[type=submit]");
        page.waitForNotice("新增用户成功");
        assertThat(page.visible("#admin-users").getText()).contains("teststreet", "测试街道经办人");

        page.clickCentered("#admin-units tr[data-unit='d.dongcheng.test'] button");
        page.waitForNotice("东城区测试街道已停用");
        assertThat(page.textOf("#admin-units tr[data-unit='d.dongcheng.test']")).contains("已停用");

        JsonObject me = new StaffApi(server.port(), "teststreet", "street-pass-1").get("/api/v1/auth/me");
        assertThat(me.getString("departmentId")).isEqualTo("d.dongcheng.test");
        assertThat(me.getString("role")).isEqualTo("DEPARTMENT");
    }

    @Test
    void aBadTimeLimitTableIsRefusedWithTheServersReasonInChinese() {
        page.login("admin", "admin12345");
        var area = page.visible("#limits-json");
        page.js("arguments[0].value = '{\"rows\": 1}'", area);
        browser.findElement(By.xpath("//button[text()='保存时限标准']")).click();
        assertThat(page.waitForNotice("保存失败")).startsWith("保存失败：").doesNotContain("Exception");
    }

    @Test
    void anAdministratorSetsTheAutoAssignThresholdAndDispatchServesItAndABadOneIsRefusedInChinese() throws Exception {
        page.login("admin", "admin12345");
        assertThat(page.visible("#policy-current").getText()).contains("当前全局阈值", "配置文件默认值");
        page.type("#policy-form [name=autoAssignConfidence]", "0.95");
        page.clickCentered("#policy-form button[type=submit]");
        page.waitForNotice("派单阈值已保存");
        assertThat(page.visible("#policy-current").getText()).contains("95%", "admin");
        assertThat(server.staff("dispatcher").get("/api/v1/dispatch/policy").getDouble("autoAssignConfidence")).isEqualTo(0.95);

        page.js("document.getElementById('policy-categories').value = arguments[0]", "{\"010103\": 7}");
        page.clickCentered("#policy-form button[type=submit]");
        assertThat(page.waitForNotice("保存失败")).contains("categories.010103").doesNotContain("Exception");
        // no telephony on this server: the blocked-number card says so instead of failing
        assertThat(page.visible("#admin-blocked").getText()).contains("未接入话务系统");
    }
}
