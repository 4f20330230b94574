package org.hotline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void phonesAndNamesAreMasked() {
        assertThat(Masking.maskPhone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.maskName("张三丰")).isEqualTo("张**");
        assertThat(Masking.maskPhone("0371-1234567")).isEqualTo("037****4567");
        assertThat(Masking.maskName(null)).isNull();
    }

    @Test
    void mobileLandlineAndIdCardNumbersInFreeTextAreMasked() {
        assertThat(Masking.maskPhonesInText("手机13912345678，座机0371-65432100，(010)87654321，身份证41010219900101123X"))
            .isEqualTo("手机139****5678，座机0371-****2100，(010)****4321，身份证410102********123X");
        assertThat(Masking.maskPhonesInText("工单12345-20261207-000001，分类010101，2026年12月7日"))
            .isEqualTo("工单12345-20261207-000001，分类010101，2026年12月7日");
    }

    @Test
    void centerStaffAndTheHandlingDepartmentSeePersonalDataAndNobodyWhenConfidential() {
        assertThat(Masking.seesPersonalData(Actor.agent("a", "甲"), false)).isTrue();
        assertThat(Masking.seesPersonalData(Actor.system("sla"), false)).isTrue();
        assertThat(Masking.seesPersonalData(Actor.agent("a", "甲"), true)).isFalse();
        assertThat(Masking.seesPersonalData(Actor.department("u", "urban", "乙"), false)).isTrue();
        assertThat(Masking.seesPersonalData(Actor.department("u", "urban", "乙"), true)).isFalse();
        assertThat(Masking.seesPersonalData(Actor.citizen("c"), false)).isFalse();
    }

    @Test
    void aCallerMasksItselfAndAcceptsMobileAndLandlineNumbers() {
        Caller caller = new Caller("张三丰", "+86 138 0013 8000", false, false);
        assertThat(caller.phone()).isEqualTo("13800138000");
        assertThat(caller.toString()).contains("138****8000").contains("张**").doesNotContain("三丰");
        assertThat(new Caller("李四", "0371-87654321", false, false).phone()).isEqualTo("0371-87654321");
        assertThatThrownBy(() -> new Caller("李四", "12345", false, false)).hasMessageContaining("电话号码格式不正确");
        assertThatThrownBy(() -> new Caller(null, "13800138000", false, false)).hasMessageContaining("姓名");
        assertThat(new Caller("王五", "13800138000", false, true).name()).isNull();
    }

    @Test
    void textLimitsAreEnforcedWithChineseMessages() {
        assertThatThrownBy(() -> new Command.SubmitReply("x".repeat(4001), ReplyResult.RESOLVED)).hasMessage("答复内容不能超过4000个字");
        assertThatThrownBy(() -> new Command.RequestReturn("理由", " ")).hasMessage("建议承办单位不能为空");
        assertThatThrownBy(() -> new NewAppeal(Channel.WEB, AppealType.HELP, Urgency.NORMAL, "t".repeat(201), "c",
                new Caller("张", "13800138000", false, false), null, null)).hasMessage("标题不能超过200个字");
    }

    @Test
    void categoryCodesKnowTheirLevelAndParent() {
        Category leaf = new Category("010201", "占道经营", java.util.List.of("城乡建设", "市容环境", "占道经营"));
        assertThat(leaf.level()).isEqualTo(3);
        assertThat(leaf.parentCode()).isEqualTo("010200");
        assertThat(new Category("010200", "市容环境", java.util.List.of()).parentCode()).isEqualTo("010000");
        assertThatThrownBy(() -> new Category("0102", "x", java.util.List.of())).hasMessageContaining("6位");
    }

    @Test
    void queryCodesAvoidAmbiguousCharactersAndMatchIgnoringCase() {
        QueryCode code = QueryCode.generate(bound -> 0);
        assertThat(code.value()).isEqualTo("222222");
        assertThat(new QueryCode("ABC234").matches(" abc234 ")).isTrue();
        assertThatThrownBy(() -> new QueryCode("ABC10O")).isInstanceOf(IllegalArgumentException.class);
        assertThat(code.toString()).doesNotContain("2");
    }
}
