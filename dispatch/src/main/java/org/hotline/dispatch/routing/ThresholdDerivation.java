package org.hotline.dispatch.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Derives an auto-assign policy from held-out predictions (each text classified by a model that never saw it,
 * e.g. the folds of a cross-validation over the history): for a target precision, the lowest confidence from
 * which the top suggestions are right at least that often. The default threshold is derived over all
 * predictions; a category whose own predictions need another threshold, and are numerous enough to say so
 * ({@code minSupport}), gets an override. Pure: no I/O.
 */
public final class ThresholdDerivation {

    /** One held-out text: its true category, the model's top category and that suggestion's confidence. */
    public record HeldOut(String truth, String predicted, double confidence) {
    }

    private ThresholdDerivation() {
    }

    public static AutoAssignPolicy derive(List<HeldOut> predictions, double targetPrecision, int minSupport) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no held-out predictions");
        }
        double overall = lowestThreshold(predictions, targetPrecision);
        Map<String, Double> overrides = new TreeMap<>();
        predictions.stream().collect(Collectors.groupingBy(HeldOut::predicted)).forEach((category, own) -> {
            if (own.size() >= minSupport) {
                double threshold = lowestThreshold(own, targetPrecision);
                if (Math.abs(threshold - overall) >= 0.005) {
                    overrides.put(category, threshold);
                }
            }
        });
        return new AutoAssignPolicy(overall, overrides, targetPrecision, null, null);
    }

    /**
     * The lowest threshold t (a confidence seen, to 4 decimals as the API shows it) such that the predictions at confidence
     * ≥ t are right at least {@code targetPrecision} of the time; 1.0 when even the most confident are not.
     */
    static double lowestThreshold(List<HeldOut> predictions, double targetPrecision) {
        List<HeldOut> sorted = new ArrayList<>(predictions);
        sorted.sort(Comparator.comparingDouble(HeldOut::confidence).reversed());
        int right = 0;
        double best = 1.0;
        for (int i = 0; i < sorted.size(); i++) {
            HeldOut p = sorted.get(i);
            if (p.truth().equals(p.predicted())) {
                right++;
            }
            boolean lastOfItsConfidence = i + 1 == sorted.size() || sorted.get(i + 1).confidence() < p.confidence();
            if (lastOfItsConfidence && right >= targetPrecision * (i + 1)) {
                best = Math.max(0.0001, Math.floor(p.confidence() * 10_000) / 10_000);
            }
        }
        return best;
    }

    /** Share of the predictions a policy assigns automatically, and the share of those that are right. */
    public record Outcome(double coverage, double precision, int assigned, int wrong) {
    }

    public static Outcome apply(AutoAssignPolicy policy, List<HeldOut> predictions) {
        int assigned = 0;
        int wrong = 0;
        for (HeldOut p : predictions) {
            if (p.confidence() >= policy.thresholdFor(p.predicted())) {
                assigned++;
                if (!p.truth().equals(p.predicted())) {
                    wrong++;
                }
            }
        }
        return new Outcome((double) assigned / predictions.size(),
                assigned == 0 ? 1.0 : (double) (assigned - wrong) / assigned, assigned, wrong);
    }
}
