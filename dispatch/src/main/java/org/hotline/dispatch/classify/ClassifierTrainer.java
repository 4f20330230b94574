package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hotline.core.error.HotlineException;

/**
 * Trains a {@link TrainedModel} from labelled history: one model per configured learner and view
 * of the text. CPU-bound (seconds for tens of thousands of appeals): call it from a worker thread,
 * never from an event loop.
 */
public final class ClassifierTrainer {

    static {
        Linear.disableDebugOutput(); // liblinear prints iterations to stdout otherwise
    }

    private final TextFeatures features;
    private final ClassifierConfig config;

    public ClassifierTrainer(TextFeatures features, ClassifierConfig config) {
        this.features = Objects.requireNonNull(features, "features");
        this.config = Objects.requireNonNull(config, "config");
    }

    public ClassifierConfig config() {
        return config;
    }

    public TrainedModel train(List<LabelledText> examples) {
        List<String> categories = new ArrayList<>(new TreeSet<>(
                examples.stream().map(LabelledText::category).toList()));
        if (categories.size() < 2) {
            throw HotlineException.rejected("classifier.too-few-categories",
                    "训练分类模型至少需要两个类别的历史工单");
        }
        Map<String, Integer> labelOf = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            labelOf.put(categories.get(i), i);
        }
        double[] labels = examples.stream().mapToDouble(e -> labelOf.get(e.category())).toArray();
        double[] classWeights = classWeights(labels, categories.size());
        List<TrainedModel.Part> parts = new ArrayList<>();
        for (TextFeatures.View view : config.views()) {
            parts.addAll(trainView(view, examples, labels, classWeights));
        }
        return new TrainedModel(features, parts, categories, usualDepartments(examples), examples.size());
    }

    /** One part per configured learner, all sharing the view's vocabulary and vectors. */
    private List<TrainedModel.Part> trainView(TextFeatures.View view, List<LabelledText> examples, double[] labels,
            double[] classWeights) {
        // real appeals bring hundreds of new raw features each (6,642 texts: 1.8 million), most seen once
        FeatureSpace.Draft draft = new FeatureSpace.Draft(Math.min(examples.size() * 300, 1 << 23));
        int[][] documents = examples.parallelStream()
                .map(example -> draft.ids(features.extract(example.text(), view)))
                .toArray(int[][]::new);
        FeatureSpace space = draft.fit(documents, config.minDocumentFrequency());
        Feature[][] x = Arrays.stream(documents).parallel().map(space::vector).toArray(Feature[][]::new);
        int classes = classWeights.length;
        List<TrainedModel.Part> parts = new ArrayList<>();
        for (ClassifierConfig.Model learner : config.models()) {
            Scorer scorer = switch (learner) {
                case SVM -> liblinear(x, labels, SolverType.L2R_L2LOSS_SVC_DUAL, classWeights, space, false);
                case LOGISTIC -> liblinear(x, labels, SolverType.L2R_LR_DUAL, classWeights, space, true);
                case NBSVM -> NbSvm.train(x, labels, classes, space.dimension(), config, classWeights);
                case COMPLEMENT_NB -> ComplementNb.train(x, labels, classes, space.dimension(), config.softmaxScale());
            };
            parts.add(new TrainedModel.Part(view, space, scorer));
        }
        return parts;
    }

    private Scorer liblinear(Feature[][] x, double[] labels, SolverType solver, double[] classWeights,
            FeatureSpace space, boolean probabilities) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = space.dimension() + 1; // + the intercept feature
        problem.bias = -1;
        problem.x = x;
        problem.y = labels;
        Parameter parameter = new Parameter(solver, config.c(), 0.1);
        int[] ids = new int[classWeights.length];
        Arrays.setAll(ids, i -> i);
        parameter.setWeights(classWeights.clone(), ids);
        Model model = Linear.train(problem, parameter);
        return new Scorer.Liblinear(model, probabilities, config.softmaxScale());
    }

    /** A positive example's weight per label: 1, or the (square root of the) balancing factor. */
    private double[] classWeights(double[] labels, int classes) {
        int[] counts = new int[classes];
        for (double label : labels) {
            counts[(int) label]++;
        }
        double[] weights = new double[classes];
        for (int i = 0; i < classes; i++) {
            double balanced = (double) labels.length / (classes * counts[i]);
            weights[i] = switch (config.weighting()) {
                case NONE -> 1.0;
                case SQRT_BALANCED -> Math.sqrt(balanced);
                case BALANCED -> balanced;
            };
        }
        return weights;
    }

    private static Map<String, String> usualDepartments(List<LabelledText> examples) {
        Map<String, Map<String, Long>> counts = examples.stream()
                .filter(e -> e.department() != null && !e.department().isBlank())
                .collect(Collectors.groupingBy(LabelledText::category,
                        Collectors.groupingBy(LabelledText::department, Collectors.counting())));
        Map<String, String> usual = new HashMap<>();
        counts.forEach((category, byDepartment) -> byDepartment.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(best -> usual.put(category, best.getKey())));
        return usual;
    }
}
