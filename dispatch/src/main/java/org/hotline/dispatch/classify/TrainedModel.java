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

    /** One view's vocabulary and liblinear weights. */
    record Part(TextFeatures.View view, FeatureSpace space, Model model) {
    }

    private final TextFeatures features;
    private final List<Part> parts;
    private final List<String> categories;
    private final Map<String, String> departments;
    private final ClassifierConfig config;
    private final int trainingExamples;

    TrainedModel(TextFeatures features, List<Part> parts, List<String> categories,
            Map<String, String> departments, ClassifierConfig config, int trainingExamples) {
        this.features = features;
        this.parts = List.copyOf(parts);
        this.categories = List.copyOf(categories);
        this.departments = Map.copyOf(departments);
        this.config = config;
        this.trainingExamples = trainingExamples;
    }

    /** Every known category scored, best first; confidences (averaged over the parts) sum to 1. */
    public List<ScoredCategory> classify(String text) {
        double[] confidences = new double[categories.size()];
        for (Part part : parts) {
            double[] scores = score(part, text);
            int[] labels = part.model().getLabels();
            for (int i = 0; i < labels.length; i++) {
                confidences[labels[i]] += scores[i] / parts.size();
            }
        }
        String basis = "model:" + trainingExamples;
        List<ScoredCategory> ranked = new ArrayList<>(confidences.length);
        for (int label = 0; label < confidences.length; label++) {
            double confidence = Math.max(0, Math.min(1, confidences[label]));
            ranked.add(new ScoredCategory(categories.get(label), confidence, basis));
        }
        ranked.sort(Comparator.comparingDouble(ScoredCategory::confidence).reversed());
        return ranked;
    }

    /** One part's confidences in the order of its model's labels. */
    private double[] score(Part part, String text) {
        Feature[] vector = part.space().vector(features.extract(text, part.view()));
        Model model = part.model();
        double[] scores = new double[model.getNrClass()];
        if (config.model() == ClassifierConfig.Model.LOGISTIC) {
            Linear.predictProbability(model, vector, scores);
        } else {
            Linear.predictValues(model, vector, scores);
            if (scores.length == 2) {
                scores[1] = -scores[0]; // liblinear gives one margin for two classes
            }
            softmax(scores, config.softmaxScale());
        }
        return scores;
    }

    /** The department that most often handled this category in the training history. */
    public Optional<String> usualDepartment(String category) {
        return Optional.ofNullable(departments.get(category));
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    public int dimension() {
        return parts.stream().mapToInt(part -> part.space().dimension()).sum();
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
