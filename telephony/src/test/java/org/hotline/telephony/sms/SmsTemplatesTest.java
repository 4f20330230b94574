package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

    @Test
    void theReceiptNamesTheNumberTheQueryCodeAndTheLink() {
        String text = SmsTemplates.render(SmsTemplates.DEFAULTS.get(SmsTemplates.RECEIPT),
                Map.of("number", "12345-20261207-000001", "queryCode", "8431", "link", "https://12345.example/q"));

        assertThat(text).contains("12345-20261207-000001").contains("查询码8431").contains("https://12345.example/q").contains("回复TD退订");
    }

    @Test
    void aTemplateNamingAPlaceholderItsPurposeLacksIsRefused() {
        assertThatThrownBy(() -> SmsTemplates.check(SmsTemplates.RECEIPT, "工单{numbr}已受理"))
                .hasMessageContaining("不支持占位符{numbr}");
    }

    @Test
    void anUnknownPurposeOrAnEmptyTextIsRefused() {
        assertThatThrownBy(() -> SmsTemplates.check("advert", "hi")).hasMessageContaining("未知的短信模板");
        assertThatThrownBy(() -> SmsTemplates.check(SmsTemplates.SURVEY, " ")).hasMessageContaining("不能为空");
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        SmsTemplates.DEFAULTS.forEach((purpose, text) -> assertThatCode(() -> SmsTemplates.check(purpose, text)).doesNotThrowAnyException());
    }
}
