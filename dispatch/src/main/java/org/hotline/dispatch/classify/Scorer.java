package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;

/**
 * One trained learner of a view: turns a text's vector into confidences per category label
 * (index = label, 0..k-1), summing to 1. Immutable, shared by all request threads.
 */
sealed interface Scorer permits Scorer.Liblinear, Scorer.Weights {

    double[] confidences(Feature[] vector, int classes);

    /** A liblinear model: probabilities of logistic regression, or a softmax over SVM margins. */
    record Liblinear(Model model, boolean probabilities, double scale) implements Scorer {
        @Override
        public double[] confidences(Feature[] vector, int classes) {
            double[] scores = new double[model.getNrClass()];
            if (probabilities) {
                Linear.predictProbability(model, vector, scores);
            } else {
                Linear.predictValues(model, vector, scores);
                if (scores.length == 2) {
                    scores[1] = -scores[0]; // liblinear gives one margin for two classes
                }
                softmax(scores, scale);
            }
            int[] labels = model.getLabels();
            double[] byLabel = new double[classes];
            for (int i = 0; i < labels.length; i++) {
                byLabel[labels[i]] = scores[i];
            }
            return byLabel;
        }
    }

    /**
     * Dense weights per class over the feature ids (1-based, the intercept feature last), as
     * NB-SVM and Complement NB produce them. {@code standardize} puts scores whose spread means
     * nothing in itself (naive Bayes log-likelihoods) on a common scale before the softmax.
     */
    record Weights(double[][] weights, boolean standardize, double scale) implements Scorer {
        @Override
        public double[] confidences(Feature[] vector, int classes) {
            double[] scores = new double[classes];
            for (int label = 0; label < classes; label++) {
                double[] w = weights[label];
                double sum = 0;
                for (Feature feature : vector) {
                    sum += w[feature.getIndex()] * feature.getValue();
                }
                scores[label] = sum;
            }
            if (standardize) {
                standardizeInPlace(scores);
            }
            softmax(scores, scale);
            return scores;
        }
    }

    private static void standardizeInPlace(double[] scores) {
        double mean = 0;
        for (double score : scores) {
            mean += score / scores.length;
        }
        double variance = 0;
        for (double score : scores) {
            variance += (score - mean) * (score - mean) / scores.length;
        }
        double deviation = variance > 0 ? Math.sqrt(variance) : 1;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (scores[i] - mean) / deviation;
        }
    }

    static void softmax(double[] scores, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scale * (scores[i] - max));
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
    }
}
