package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.store.CatalogEntry;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private static final TextFeatures FEATURES = new TextFeatures(new HanLpSegmenter(), 3);

    @Test
    void digitRunsFullWidthCharactersAndSpacesAreNormalisedAway() {
        assertThat(TextFeatures.normalize("３栋 2单元501室，电话13800138000ＡＢ"))
                .isEqualTo("#栋#单元#室,电话#ab");
    }

    @Test
    void houseNumbersDoNotChangeTheFeaturesOfAnAppeal() {
        assertThat(FEATURES.extract("5栋楼下的饭店油烟很大")).isEqualTo(FEATURES.extract("12栋楼下的饭店油烟很大"));
    }

    @Test
    void featuresHoldWordsWordPairsAndCharacterGramsThatNeverSpanPunctuation() {
        List<String> features = FEATURES.extract("拖欠工资，老板跑路");
        assertThat(features).contains("w\u0001工资", "c\u0001拖欠工", "c\u0001欠");
        assertThat(features).anyMatch(f -> f.startsWith("b\u0001"));
        assertThat(features).doesNotContain("c\u0001资老", "c\u0001资,老");
    }

    @Test
    void theWordsOfTheFirstLineCountAgainAsTitleWords() {
        List<String> features = FEATURES.extract("拖欠工资\n老板跑路了，三个月工资没发\n");
        assertThat(features).contains("t\u0001工资").doesNotContain("t\u0001老板");
        assertThat(new TextFeatures(new HanLpSegmenter(), 3, false).extract("拖欠工资\n老板跑路了\n"))
                .noneMatch(f -> f.startsWith("t\u0001"));
    }

    @Test
    void wordPairsCanBeLeftOutWhileWordsAndCharacterGramsStay() {
        List<String> features = new TextFeatures(new HanLpSegmenter(), 3, true, false).extract("拖欠工资，老板跑路");
        assertThat(features).contains("w\u0001工资", "c\u0001拖欠工").noneMatch(f -> f.startsWith("b\u0001"));
    }

    @Test
    void coldStartKeywordsRankTheCategoryWhoseKeywordsOccur() {
        List<CatalogEntry> catalog = List.of(
                new CatalogEntry("010000", "城乡建设", "住建局", List.of("物业", "电梯")),
                new CatalogEntry("020000", "环境保护", "生态环境局", List.of("噪音", "油烟")),
                new CatalogEntry("030000", "交通运输", "交通局", List.of("公交")));
        List<ScoredCategory> ranked = KeywordRules.score("楼下饭店油烟大，晚上还有噪音", catalog);
        assertThat(ranked.get(0).category()).isEqualTo("020000");
        assertThat(ranked.get(0).basis()).contains("油烟", "噪音");
        assertThat(ranked.get(0).confidence()).isLessThan(1.0);
        assertThat(ranked).hasSize(3);
    }
}
