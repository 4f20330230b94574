package org.hotline.dispatch.classify;

import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017) of the softmax over the learners' margins: the scale whose
 * held-out confidences have the least log loss. A confidence p at scale s becomes p^(s'/s), renormalised,
 * at scale s', so held-out rankings made at one scale are enough; the order of the categories never
 * changes, only what the numbers mean.
 */
final class Calibration {

    private static final double FLOOR = 1e-300;

    private Calibration() {
    }

    static double temperatureScale(List<String> truths, List<List<ScoredCategory>> rankings, double usedScale) {
        double best = usedScale;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double scale = 0.5; scale <= 40; scale += 0.25) {
            double loss = logLoss(truths, rankings, scale / usedScale);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = scale;
            }
        }
        return best;
    }

    /** Mean negative log-likelihood of the truths with every confidence raised to {@code power}. */
    static double logLoss(List<String> truths, List<List<ScoredCategory>> rankings, double power) {
        double total = 0;
        for (int i = 0; i < truths.size(); i++) {
            double sum = 0;
            double own = FLOOR;
            for (ScoredCategory scored : rankings.get(i)) {
                double p = Math.pow(Math.max(scored.confidence(), FLOOR), power);
                sum += p;
                if (scored.category().equals(truths.get(i))) {
                    own = p;
                }
            }
            total -= Math.log(Math.max(own / sum, FLOOR));
        }
        return total / truths.size();
    }
}
