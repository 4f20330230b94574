package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hotline.core.text.HanLpSegmenter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The words that decided between two close suggestions come from the text and speak for the category they favour. */
class DecidingWordsTest {

    private static TrainedModel model;

    @BeforeAll
    static void trainOnTheWrittenSet() throws IOException {
        ClassifierConfig config = ClassifierConfig.defaults();
        model = new ClassifierTrainer(new TextFeatures(new HanLpSegmenter(), config.maxCharGram()), config).train(
                ClassifierEvaluation.read(Path.of("src/test/resources/classification/written-set.jsonl"), null).stream()
                        .map(r -> new LabelledText(r.text(), r.category(), r.department())).toList());
    }

    @Test
    void aTextAboutTwoMattersShowsEachCategoryTheWordsOfItsOwnHalf() {
        String traffic = "公交车司机开车时一直打电话，还闯红灯，乘客很害怕";
        String pension = "单位拖欠社保和养老保险，已经半年没有缴纳";
        String text = "反映两件事\n" + traffic + "；另外，" + pension;

        List<String> forTransport = model.decidingWords(text, "交通运输", "劳动和社会保障", 6);
        List<String> forPension = model.decidingWords(text, "劳动和社会保障", "交通运输", 6);

        assertThat(forTransport).isNotEmpty().noneMatch(w -> pension.contains(w) && !traffic.contains(w));
        assertThat(forPension).isNotEmpty().noneMatch(w -> traffic.contains(w) && !pension.contains(w));
        assertThat(traffic).contains(forTransport.get(0));
        assertThat(pension).contains(forPension.get(0));
        assertThat(forTransport).doesNotContainAnyElementsOf(forPension);
        assertThat(model.decidingWords(text, "交通运输", "没有这个分类", 6)).isEmpty();
    }

    @Test
    void closeTopTwoFromTheModelAreBorderlineAndEachCarriesItsWords() {
        String text = "公交车司机开车打电话闯红灯；单位拖欠社保养老保险半年";
        List<Suggestion> close = List.of(new Suggestion("交通运输", "交通运输", 0.48, null, "model:804"),
                new Suggestion("劳动和社会保障", "劳动和社会保障", 0.41, null, "model:804"));
        List<Suggestion> clear = List.of(new Suggestion("交通运输", "交通运输", 0.90, null, "model:804"),
                new Suggestion("劳动和社会保障", "劳动和社会保障", 0.05, null, "model:804"));

        List<Suggestion> explained = Classifier.withDecidingWords(text, close, model);

        assertThat(Classifier.isBorderline(close)).isTrue();
        assertThat(explained.get(0).words()).isNotEmpty();
        assertThat(explained.get(1).words()).isNotEmpty();
        assertThat(explained.get(0).toJson().getJsonArray("words")).isNotEmpty();
        assertThat(Classifier.isBorderline(clear)).isFalse();
        assertThat(Classifier.withDecidingWords(text, clear, model).get(0).toJson().containsKey("words")).isFalse();
    }
}
