package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hotline.core.text.HanLpSegmenter;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {

    private static final TextFeatures FEATURES = new TextFeatures(new HanLpSegmenter(), 3);

    /** Three frequent noise appeals for every traffic one: the imbalance real histories have. */
    private static List<LabelledText> skewedHistory() {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            examples.add(new LabelledText("公交车" + i + "路司机绕行不停站，站台没有站牌", "交通", null));
            for (int j = 0; j < 3; j++) {
                examples.add(new LabelledText("楼下工地晚上施工噪音" + i + j + "扰民睡不着", "环境", null));
            }
        }
        return examples;
    }

    @Test
    void anEnsembleOfAWordAndACharacterModelAveragesConfidencesThatStillSumToOne() {
        ClassifierConfig config = ClassifierConfig.defaults()
                .withViews(List.of(TextFeatures.View.WORDS, TextFeatures.View.CHARS), ClassifierConfig.Weighting.NONE);
        TrainedModel model = new ClassifierTrainer(FEATURES, config).train(skewedHistory());

        List<ScoredCategory> ranked = model.classify("这路公交车司机不停站");
        assertThat(ranked.get(0).category()).isEqualTo("交通");
        assertThat(ranked.stream().mapToDouble(ScoredCategory::confidence).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void balancedWeightsGiveTheRareCategoryMoreConfidenceOnAnAmbiguousText() {
        List<LabelledText> history = skewedHistory();
        ClassifierConfig plain = ClassifierConfig.defaults().withViews(List.of(TextFeatures.View.ALL),
                ClassifierConfig.Weighting.NONE);
        ClassifierConfig balanced = plain.withViews(plain.views(), ClassifierConfig.Weighting.BALANCED);
        String ambiguous = "晚上公交车站";

        assertThat(confidenceOf("交通", new ClassifierTrainer(FEATURES, balanced).train(history), ambiguous))
                .isGreaterThan(confidenceOf("交通", new ClassifierTrainer(FEATURES, plain).train(history), ambiguous));
    }

    @Test
    void everyLearnerAloneAndInPairsRanksTheMatterOfItsCategoryFirstWithConfidencesSummingToOne() {
        List<List<ClassifierConfig.Model>> ensembles = List.of(
                List.of(ClassifierConfig.Model.NBSVM), List.of(ClassifierConfig.Model.COMPLEMENT_NB),
                List.of(ClassifierConfig.Model.SVM, ClassifierConfig.Model.LOGISTIC),
                List.of(ClassifierConfig.Model.NBSVM, ClassifierConfig.Model.COMPLEMENT_NB));
        for (List<ClassifierConfig.Model> models : ensembles) {
            TrainedModel model = new ClassifierTrainer(FEATURES, ClassifierConfig.defaults().withModels(models, 1.0))
                    .train(skewedHistory());

            List<ScoredCategory> ranked = model.classify("这路公交车司机不停站");
            assertThat(ranked.get(0).category()).as("%s", models).isEqualTo("交通");
            assertThat(ranked.stream().mapToDouble(ScoredCategory::confidence).sum()).as("%s", models)
                    .isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void theSameCorpusTrainsTheSameModelWhateverTheOrderParallelExtractionMeetsItsFeatures() {
        List<LabelledText> history = skewedHistory();
        String text = "晚上公交车站附近工地施工噪音";
        List<ScoredCategory> first = new ClassifierTrainer(FEATURES, ClassifierConfig.defaults()).train(history).classify(text);
        for (int run = 0; run < 5; run++) {
            assertThat(new ClassifierTrainer(FEATURES, ClassifierConfig.defaults()).train(history).classify(text))
                    .as("run %d", run).isEqualTo(first);
        }
    }

    @Test
    void theLogCountRatioFavoursFeaturesOfTheCategoryAndLeavesTheInterceptAlone() {
        // label 0 saw feature 1 in one document, label 1 saw feature 2 in one; ids 1..2, intercept 3
        int[][] documentCounts = {{0, 1, 0}, {0, 0, 1}};
        double[] ratio = NbSvm.logCountRatio(documentCounts, 0, 2);

        assertThat(ratio[1]).isPositive();
        assertThat(ratio[2]).isNegative().isCloseTo(-ratio[1], within(1e-12));
        assertThat(ratio[3]).isEqualTo(1.0);
    }

    @Test
    void nbSvmTrainingLeavesTheSharedTrainingVectorsAsTheyWere() {
        ClassifierConfig nbSvm = ClassifierConfig.defaults()
                .withModels(List.of(ClassifierConfig.Model.NBSVM, ClassifierConfig.Model.SVM), 1.0);
        ClassifierConfig svm = ClassifierConfig.defaults().withModel(ClassifierConfig.Model.SVM, 1.0);
        String text = "晚上公交车站";

        // the SVM trained after NB-SVM on the same vectors must be the SVM trained alone
        double both = confidenceOf("交通", new ClassifierTrainer(FEATURES, nbSvm).train(skewedHistory()), text);
        double nbOnly = confidenceOf("交通", new ClassifierTrainer(FEATURES,
                svm.withModel(ClassifierConfig.Model.NBSVM, 1.0)).train(skewedHistory()), text);
        double svmOnly = confidenceOf("交通", new ClassifierTrainer(FEATURES, svm).train(skewedHistory()), text);
        assertThat(both).isCloseTo((nbOnly + svmOnly) / 2, within(1e-9));
    }

    private static double confidenceOf(String category, TrainedModel model, String text) {
        return model.classify(text).stream().filter(s -> s.category().equals(category)).findFirst().orElseThrow()
                .confidence();
    }
}
