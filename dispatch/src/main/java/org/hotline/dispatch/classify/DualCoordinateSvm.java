package org.hotline.dispatch.classify;

import java.util.Random;

/**
 * A binary L2-regularised L2-loss linear SVM trained by dual coordinate descent with shrinking
 * (Hsieh et al. 2008, the algorithm of liblinear's {@code L2R_L2LOSS_SVC_DUAL}), on primitive
 * sparse arrays and with every feature scaled by a per-feature factor on the fly. NB-SVM trains one
 * per category on the same vectors scaled by a different ratio: liblinear would need a scaled copy of
 * every vector per category (or one category at a time), this reads the shared vectors from
 * several threads at once and keeps only its weights and dual variables.
 */
final class DualCoordinateSvm {

    private static final int MAX_ITERATIONS = 1000;

    private final int[][] ids;
    private final double[][] values;
    private final int dimension;

    /**
     * @param ids       per example, its feature ids (1-based, sorted; the intercept feature included)
     * @param values    per example, the matching values
     * @param dimension the largest id
     */
    DualCoordinateSvm(int[][] ids, double[][] values, int dimension) {
        this.ids = ids;
        this.values = values;
        this.dimension = dimension;
    }

    /**
     * The weights (indexed by feature id, 0 unused) of the separator of the {@code positive}
     * examples from the others, in the scaled space: score = Σ w[j]·scale[j]·x[j].
     *
     * @param c       the cost of a positive and of a negative example's loss ({@code C × class weight})
     * @param epsilon the stopping tolerance on the projected gradient's spread (liblinear's 0.1)
     */
    double[] train(boolean[] positive, double[] scale, double cPositive, double cNegative, double epsilon, long seed) {
        int l = ids.length;
        // this category's scaled copy of the values: the inner loops then read two arrays, not three
        double[][] scaled = new double[l][];
        for (int i = 0; i < l; i++) {
            scaled[i] = new double[ids[i].length];
            for (int k = 0; k < ids[i].length; k++) {
                scaled[i][k] = values[i][k] * scale[ids[i][k]];
            }
        }
        double[] w = new double[dimension + 1];
        double[] alpha = new double[l];
        double[] diagonal = new double[l];
        double[] qd = new double[l];
        for (int i = 0; i < l; i++) {
            diagonal[i] = 0.5 / (positive[i] ? cPositive : cNegative);
            double squared = diagonal[i];
            for (double v : scaled[i]) {
                squared += v * v;
            }
            qd[i] = squared;
        }
        int[] order = new int[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int active = l;
        double projectedMaxOld = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double projectedMax = Double.NEGATIVE_INFINITY;
            double projectedMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int j = s + random.nextInt(active - s);
                int swap = order[s];
                order[s] = order[j];
                order[j] = swap;
            }
            for (int s = 0; s < active; s++) {
                int i = order[s];
                double y = positive[i] ? 1 : -1;
                double gradient = y * dot(w, ids[i], scaled[i]) - 1 + alpha[i] * diagonal[i];
                double projected = gradient;
                if (alpha[i] == 0) {
                    if (gradient > projectedMaxOld) { // shrinking: a bound variable that will stay bound
                        active--;
                        order[s] = order[active];
                        order[active] = i;
                        s--;
                        continue;
                    }
                    projected = Math.min(gradient, 0);
                }
                projectedMax = Math.max(projectedMax, projected);
                projectedMin = Math.min(projectedMin, projected);
                if (Math.abs(projected) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - gradient / qd[i], 0);
                    addScaled(w, ids[i], scaled[i], (alpha[i] - old) * y);
                }
            }
            if (projectedMax - projectedMin <= epsilon) {
                if (active == l) {
                    break;
                }
                active = l; // converged on the active set: check once more on every example
                projectedMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            // no upper bound with the L2 loss, so only variables stuck at 0 are ever shrunk
            projectedMaxOld = projectedMax <= 0 ? Double.POSITIVE_INFINITY : projectedMax;
        }
        return w;
    }

    private static double dot(double[] w, int[] id, double[] v) {
        double sum = 0;
        for (int k = 0; k < id.length; k++) {
            sum += w[id[k]] * v[k];
        }
        return sum;
    }

    private static void addScaled(double[] w, int[] id, double[] v, double factor) {
        for (int k = 0; k < id.length; k++) {
            w[id[k]] += factor * v[k];
        }
    }
}
