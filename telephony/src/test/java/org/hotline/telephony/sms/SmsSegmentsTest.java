package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void aShortChineseTextTravelsAsOneUcs2MessageWithoutHeader() {
        List<byte[]> parts = SmsSegments.of("您的诉求已受理", 1);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).hasSize(14);
        assertThat(SmsSegments.text(parts.get(0), false)).isEqualTo("您的诉求已受理");
    }

    @Test
    void aLongTextIsCutIntoPartsOf67CharactersBehindAConcatenationHeader() {
        String text = "回".repeat(150);

        List<byte[]> parts = SmsSegments.of(text, 0x2A);

        assertThat(parts).hasSize(3);
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            assertThat(new byte[] {p[0], p[1], p[2], p[3], p[4], p[5]}).containsExactly(5, 0, 3, 0x2A, 3, i + 1);
        }
        assertThat(parts.get(0)).hasSize(6 + 67 * 2);
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(SmsSegments.text(p, true)));
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "好".repeat(66) + "😀" + "好".repeat(10);

        List<byte[]> parts = SmsSegments.of(text, 1);

        assertThat(SmsSegments.text(parts.get(0), true)).hasSize(66);
        assertThat(SmsSegments.text(parts.get(1), true)).startsWith("😀");
    }

    @Test
    void anEmptyTextIsRefused() {
        assertThatThrownBy(() -> SmsSegments.of("", 1)).hasMessageContaining("短信内容不能为空");
    }
}
