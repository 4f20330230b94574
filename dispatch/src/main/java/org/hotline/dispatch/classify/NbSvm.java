package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * NB-SVM (Wang &amp; Manning 2012, "Baselines and Bigrams"): for each category, one binary
 * L2-loss SVM (liblinear) on the features scaled by the naive-Bayes log-count ratio
 * {@code r = log((p/|p|₁) / (q/|q|₁))} of that category against the rest (p, q: smoothed document
 * counts), with the weights interpolated toward their mean magnitude ({@code w' = (1-β)·w̄ + β·w}).
 * The ratio lets words typical of one category count more than the TF-IDF alone says; the
 * interpolation keeps the SVM from trusting a few of them too much. The ratio is folded into the
 * stored weights, so classifying costs the same as a plain linear model.
 */
final class NbSvm {

    private static final double SMOOTHING = 1.0;

    private NbSvm() {
    }

    /**
     * @param x            the TF-IDF vectors (ids 1..dimension, then the intercept feature);
     *                     their values are scaled in place during training and restored after
     * @param classWeights a positive example's weight per label (1 for none)
     */
    static Scorer.Weights train(Feature[][] x, double[] labels, int classes, int dimension, ClassifierConfig config,
            double[] classWeights) {
        double[][] original = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            original[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                original[i][k] = x[i][k].getValue();
            }
        }
        double[][] weights = new double[classes][];
        try {
            for (int label = 0; label < classes; label++) {
                double[] ratio = logCountRatio(x, labels, label, dimension);
                weights[label] = trainOne(x, original, labels, label, ratio, config, classWeights[label]);
            }
        } finally {
            restore(x, original);
        }
        return new Scorer.Weights(weights, false, config.softmaxScale());
    }

    static double[] logCountRatio(Feature[][] x, double[] labels, int label, int dimension) {
        double[] positive = new double[dimension + 1];
        double[] negative = new double[dimension + 1];
        for (int i = 0; i < x.length; i++) {
            double[] counts = labels[i] == label ? positive : negative;
            for (Feature feature : x[i]) {
                if (feature.getIndex() <= dimension && feature.getValue() != 0) {
                    counts[feature.getIndex()]++;
                }
            }
        }
        double positiveTotal = 0;
        double negativeTotal = 0;
        for (int j = 1; j <= dimension; j++) {
            positiveTotal += positive[j] + SMOOTHING;
            negativeTotal += negative[j] + SMOOTHING;
        }
        double[] ratio = new double[dimension + 2];
        for (int j = 1; j <= dimension; j++) {
            ratio[j] = Math.log((positive[j] + SMOOTHING) / positiveTotal)
                    - Math.log((negative[j] + SMOOTHING) / negativeTotal);
        }
        ratio[dimension + 1] = 1.0; // the intercept feature stays as it is
        return ratio;
    }

    private static double[] trainOne(Feature[][] x, double[][] original, double[] labels, int label, double[] ratio,
            ClassifierConfig config, double positiveWeight) {
        int dimension = ratio.length - 2;
        double[] binary = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            binary[i] = labels[i] == label ? 1 : -1;
            for (int k = 0; k < x[i].length; k++) {
                x[i][k].setValue(original[i][k] * ratio[x[i][k].getIndex()]);
            }
        }
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = dimension + 1;
        problem.bias = -1;
        problem.x = x;
        problem.y = binary;
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, config.c(), 0.1);
        parameter.setWeights(new double[] {positiveWeight, 1.0}, new int[] {1, -1});
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double meanMagnitude = 0;
        for (int j = 0; j < dimension; j++) {
            meanMagnitude += Math.abs(w[j]) / dimension;
        }
        double beta = config.nbInterpolation();
        double[] folded = new double[dimension + 2];
        for (int j = 1; j <= dimension; j++) {
            folded[j] = ratio[j] * ((1 - beta) * meanMagnitude + beta * sign * w[j - 1]);
        }
        folded[dimension + 1] = sign * w[dimension];
        return folded;
    }

    private static void restore(Feature[][] x, double[][] original) {
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                x[i][k].setValue(original[i][k]);
            }
        }
    }
}
