package org.hotline.linkage110.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.linkage110.transfer.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmergencyDetectorTest {

    private final TransferList toPolice = TransferLists.builtIn(Direction.TO_110);
    private final EmergencyDetector detector = new EmergencyDetector();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "有人正在撬我家门, 小偷还没走, T110-01",
            "邻居家暴, 丈夫正在殴打妻子, T110-02",
            "孩子走丢了, 在公园门口, T110-03",
            "路口车祸, 有人受伤躺在地上, T110-04",
            "小区里有人聚众赌博, '', T110-08",
    })
    void policeMattersAreFlaggedWithTheirListItem(String title, String content, String code) {
        var verdict = detector.check(toPolice, title, content);

        assertThat(verdict.police()).isTrue();
        assertThat(verdict.item().code()).isEqualTo(code);
        assertThat(verdict.version()).isEqualTo(1);
        assertThat(verdict.matched()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"小区路灯不亮, 晚上很黑", "咨询社保卡办理, 需要带什么材料", "工地夜间施工噪音, 影响休息"})
    void ordinaryAppealsStayWith12345(String title, String content) {
        var verdict = detector.check(toPolice, title, content);

        assertThat(verdict.police()).isFalse();
        assertThat(verdict.item()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"有人持刀伤人, true", "聚众闹事, false"})
    void emergenciesTellTheCitizenToCall110(String title, boolean emergency) {
        var verdict = detector.check(toPolice, title, "");

        assertThat(verdict.advice().contains("如有生命危险请立即拨打110")).isEqualTo(emergency);
    }
}
