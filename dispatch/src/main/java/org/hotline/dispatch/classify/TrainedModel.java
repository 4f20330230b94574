package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable trained classifier: vocabulary, liblinear weights, and for each category the
 * department that most often handled it. Safe to share between threads (liblinear's prediction
 * only reads the model).
 */
public final class TrainedModel {

    private final TextFeatures features;
    private final FeatureSpace space;
    private final Model model;
    private final List<String> categories;
    private final Map<String, String> departments;
    private final ClassifierConfig config;
    private final int trainingExamples;

    TrainedModel(TextFeatures features, FeatureSpace space, Model model, List<String> categories,
            Map<String, String> departments, ClassifierConfig config, int trainingExamples) {
        this.features = features;
        this.space = space;
        this.model = model;
        this.categories = List.copyOf(categories);
        this.departments = Map.copyOf(departments);
        this.config = config;
        this.trainingExamples = trainingExamples;
    }

    /** Every known category scored, best first; confidences sum to 1. */
    public List<ScoredCategory> classify(String text) {
        Feature[] vector = space.vector(features.extract(text));
        int[] labels = model.getLabels();
        double[] scores = new double[labels.length];
        if (config.model() == ClassifierConfig.Model.LOGISTIC) {
            Linear.predictProbability(model, vector, scores);
        } else {
            Linear.predictValues(model, vector, scores);
            if (labels.length == 2) {
                scores[1] = -scores[0]; // liblinear gives one margin for two classes
            }
            softmax(scores, config.softmaxScale());
        }
        String basis = "model:" + trainingExamples;
        List<ScoredCategory> ranked = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            double confidence = Math.max(0, Math.min(1, scores[i]));
            ranked.add(new ScoredCategory(categories.get(labels[i]), confidence, basis));
        }
        ranked.sort(Comparator.comparingDouble(ScoredCategory::confidence).reversed());
        return ranked;
    }

    /** The department that most often handled this category in the training history. */
    public Optional<String> usualDepartment(String category) {
        return Optional.ofNullable(departments.get(category));
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    public int dimension() {
        return space.dimension();
    }

    public List<String> categories() {
        return categories;
    }

    private static void softmax(double[] scores, double scale) {
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
