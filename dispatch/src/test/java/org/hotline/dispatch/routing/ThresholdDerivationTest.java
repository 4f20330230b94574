package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hotline.dispatch.routing.ThresholdDerivation.HeldOut;
import org.junit.jupiter.api.Test;

class ThresholdDerivationTest {

    private static List<HeldOut> rightThenWrong(String category, String wrongTruth, int right, double from, int wrong,
            double wrongFrom) {
        List<HeldOut> out = new ArrayList<>();
        for (int i = 0; i < right; i++) {
            out.add(new HeldOut(category, category, from - i * 0.001));
        }
        for (int i = 0; i < wrong; i++) {
            out.add(new HeldOut(wrongTruth, category, wrongFrom - i * 0.001));
        }
        return out;
    }

    @Test
    void theThresholdIsTheLowestConfidenceFromWhichTheTopSuggestionsReachTheTargetPrecision() {
        // 100 right from 0.99 down to 0.90, then 10 wrong from 0.60 down: all 110 are 90.9 % right, the first 100 all
        List<HeldOut> predictions = rightThenWrong("交通运输", "城乡建设", 100, 0.99, 10, 0.60);

        assertThat(ThresholdDerivation.lowestThreshold(predictions, 0.995)).isCloseTo(0.891, within(0.0002));
        assertThat(ThresholdDerivation.lowestThreshold(predictions, 0.98)).isCloseTo(0.599, within(0.0002)); // 100 of 102
        assertThat(ThresholdDerivation.lowestThreshold(predictions, 0.90)).isCloseTo(0.591, within(0.0002));
        assertThat(ThresholdDerivation.lowestThreshold(List.of(new HeldOut("a", "b", 0.99)), 0.98)).isEqualTo(1.0);
    }

    @Test
    void aCategoryWhoseOwnPredictionsNeedAnotherThresholdGetsAnOverrideAndThePolicyMeetsTheTargetOnItsData() {
        // 交通运输 is always right; 城乡建设 absorbs 10 errors just below its right answers
        List<HeldOut> predictions = new ArrayList<>(rightThenWrong("交通运输", "城乡建设", 600, 0.99, 0, 0));
        predictions.addAll(rightThenWrong("城乡建设", "商贸旅游", 100, 0.99, 10, 0.80));
        predictions.addAll(rightThenWrong("环境保护", "卫生计生", 3, 0.95, 1, 0.9)); // too few to earn an override

        AutoAssignPolicy policy = ThresholdDerivation.derive(predictions, 0.98, 30);

        // over all 714 texts, 703 right: every confidence is good enough, except for 城乡建设's own errors
        assertThat(policy.autoAssignConfidence()).isLessThan(0.4);
        assertThat(policy.thresholdFor("城乡建设")).isCloseTo(0.799, within(0.0002));
        assertThat(policy.categories()).doesNotContainKeys("交通运输", "环境保护");
        assertThat(policy.targetPrecision()).isEqualTo(0.98);
        ThresholdDerivation.Outcome outcome = ThresholdDerivation.apply(policy, predictions);
        assertThat(outcome.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(outcome.assigned()).isGreaterThanOrEqualTo(700);
    }
}
