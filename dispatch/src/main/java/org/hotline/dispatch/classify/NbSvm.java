package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import java.util.stream.IntStream;

/**
 * NB-SVM (Wang &amp; Manning 2012, "Baselines and Bigrams"): for each category, one binary
 * L2-loss SVM on the features scaled by the naive-Bayes log-count ratio
 * {@code r = log((p/|p|₁) / (q/|q|₁))} of that category against the rest (p, q: smoothed document
 * counts), with the weights interpolated toward their mean magnitude ({@code w' = (1-β)·w̄ + β·w}).
 * The ratio lets words typical of one category count more than the TF-IDF alone says; the
 * interpolation keeps the SVM from trusting a few of them too much. The ratio is folded into the
 * stored weights, so classifying costs the same as a plain linear model.
 *
 * <p>The categories' SVMs are independent and read the same vectors, so they train in parallel
 * ({@link DualCoordinateSvm}, the solver liblinear uses, on primitive arrays).
 */
final class NbSvm {

    private static final double SMOOTHING = 1.0;
    private static final double EPSILON = 0.1; // liblinear's default for the dual solvers

    private NbSvm() {
    }

    /**
     * @param x            the TF-IDF vectors (ids 1..dimension, then the intercept feature); not modified
     * @param classWeights a positive example's weight per label (1 for none)
     */
    static Scorer.Weights train(Feature[][] x, double[] labels, int classes, int dimension, ClassifierConfig config,
            double[] classWeights) {
        int[][] ids = new int[x.length][];
        double[][] values = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            ids[i] = new int[x[i].length];
            values[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                ids[i][k] = x[i][k].getIndex();
                values[i][k] = x[i][k].getValue();
            }
        }
        int[][] documentCounts = documentCounts(ids, labels, classes, dimension);
        DualCoordinateSvm svm = new DualCoordinateSvm(ids, values, dimension + 1);
        double[][] weights = IntStream.range(0, classes).parallel().mapToObj(label -> {
            double[] ratio = logCountRatio(documentCounts, label, dimension);
            boolean[] positive = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = labels[i] == label;
            }
            double[] w = svm.train(positive, ratio, config.c() * classWeights[label], config.c(), EPSILON, label);
            return fold(w, ratio, config.nbInterpolation());
        }).toArray(double[][]::new);
        return new Scorer.Weights(weights, false, config.softmaxScale());
    }

    /** Per label, in how many of its documents each feature occurs (index = feature id). */
    private static int[][] documentCounts(int[][] ids, double[] labels, int classes, int dimension) {
        int[][] counts = new int[classes][dimension + 1];
        for (int i = 0; i < ids.length; i++) {
            int[] own = counts[(int) labels[i]];
            for (int id : ids[i]) {
                if (id <= dimension) {
                    own[id]++;
                }
            }
        }
        return counts;
    }

    /** The ratio of one label against all others, indexed by feature id; the intercept feature keeps 1. */
    static double[] logCountRatio(int[][] documentCounts, int label, int dimension) {
        double[] positive = new double[dimension + 1];
        double[] negative = new double[dimension + 1];
        for (int other = 0; other < documentCounts.length; other++) {
            double[] into = other == label ? positive : negative;
            for (int j = 1; j <= dimension; j++) {
                into[j] += documentCounts[other][j];
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

    /** Folds the ratio into the (interpolated) SVM weights, so that scoring reads the unscaled vector. */
    private static double[] fold(double[] w, double[] ratio, double beta) {
        int dimension = ratio.length - 2;
        double meanMagnitude = 0;
        for (int j = 1; j <= dimension; j++) {
            meanMagnitude += Math.abs(w[j]) / dimension;
        }
        double[] folded = new double[dimension + 2];
        for (int j = 1; j <= dimension; j++) {
            folded[j] = ratio[j] * ((1 - beta) * meanMagnitude + beta * w[j]);
        }
        folded[dimension + 1] = w[dimension + 1];
        return folded;
    }
}
