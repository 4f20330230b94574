package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DualCoordinateSvmTest {

    private static final int EXAMPLES = 300;
    private static final int DIMENSION = 40;

    @Test
    void findsTheSameSeparatorAsLiblinearsDualSolverOnScaledFeatures() {
        Random random = new Random(7);
        int[][] ids = new int[EXAMPLES][];
        double[][] values = new double[EXAMPLES][];
        boolean[] positive = new boolean[EXAMPLES];
        double[] scale = new double[DIMENSION + 2];
        for (int j = 1; j <= DIMENSION + 1; j++) {
            scale[j] = j == DIMENSION + 1 ? 1 : 0.5 + random.nextDouble();
        }
        Feature[][] scaled = new Feature[EXAMPLES][];
        double[] y = new double[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            positive[i] = random.nextBoolean();
            // noisy: the first five features lean to the positive class, so the classes overlap
            ids[i] = new int[] {1 + random.nextInt(5) + (positive[i] ? 0 : 5), 11 + random.nextInt(30), DIMENSION + 1};
            values[i] = new double[] {random.nextDouble(), random.nextDouble(), 1.0};
            scaled[i] = new Feature[3];
            for (int k = 0; k < 3; k++) {
                scaled[i][k] = new FeatureNode(ids[i][k], values[i][k] * scale[ids[i][k]]);
            }
            y[i] = positive[i] ? 1 : -1;
        }
        Problem problem = new Problem();
        problem.l = EXAMPLES;
        problem.n = DIMENSION + 1;
        problem.bias = -1;
        problem.x = scaled;
        problem.y = y;
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, 1.0, 1e-6);
        parameter.setWeights(new double[] {2.0, 1.0}, new int[] {1, -1});
        Model model = Linear.train(problem, parameter);
        double sign = model.getLabels()[0] == 1 ? 1 : -1;

        double[] w = new DualCoordinateSvm(ids, values, DIMENSION + 1).train(positive, scale, 2.0, 1.0, 1e-6, 1);

        for (int j = 1; j <= DIMENSION + 1; j++) {
            assertThat(w[j]).as("weight %d", j).isCloseTo(sign * model.getFeatureWeights()[j - 1], within(1e-3));
        }
    }
}
