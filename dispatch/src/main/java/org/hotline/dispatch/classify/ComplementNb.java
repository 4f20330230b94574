package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;

/**
 * Complement Naive Bayes (Rennie et al. 2003, "Tackling the Poor Assumptions of Naive Bayes Text
 * Classifiers") on the TF-IDF vectors: each category is scored by how badly the word distribution
 * of all OTHER categories explains the text, with normalised weights. Estimating from the
 * complement gives a rare category as much data as a frequent one, which is why it errs
 * differently from the SVM and can serve as a second voter.
 */
final class ComplementNb {

    private static final double SMOOTHING = 0.1;

    private ComplementNb() {
    }

    static Scorer.Weights train(Feature[][] x, double[] labels, int classes, int dimension, double scale) {
        double[][] mass = new double[classes][dimension + 1];
        for (int i = 0; i < x.length; i++) {
            double[] row = mass[(int) labels[i]];
            for (Feature feature : x[i]) {
                if (feature.getIndex() <= dimension) {
                    row[feature.getIndex()] += feature.getValue();
                }
            }
        }
        double[] total = new double[dimension + 1];
        for (double[] row : mass) {
            for (int j = 1; j <= dimension; j++) {
                total[j] += row[j];
            }
        }
        double[][] weights = new double[classes][];
        for (int label = 0; label < classes; label++) {
            weights[label] = complementWeights(mass[label], total, dimension);
        }
        return new Scorer.Weights(weights, true, scale);
    }

    /** Negated, normalised log-probabilities of the complement: higher score = more this category. */
    private static double[] complementWeights(double[] own, double[] total, int dimension) {
        double complementTotal = 0;
        for (int j = 1; j <= dimension; j++) {
            complementTotal += total[j] - own[j] + SMOOTHING;
        }
        double[] w = new double[dimension + 2];
        double magnitude = 0;
        for (int j = 1; j <= dimension; j++) {
            w[j] = Math.log((total[j] - own[j] + SMOOTHING) / complementTotal);
            magnitude += Math.abs(w[j]);
        }
        for (int j = 1; j <= dimension; j++) {
            w[j] = -w[j] / magnitude;
        }
        return w;
    }
}
