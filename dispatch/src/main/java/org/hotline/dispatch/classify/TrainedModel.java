package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable trained classifier: vocabulary, liblinear weights, and for each category the
 * department that most often handled it. Safe to share between threads (liblinear's prediction
 * only reads the model).
 */
public final class TrainedModel {

    /** One learner of one view, with the view's vocabulary (shared by the view's learners). */
    record Part(TextFeatures.View view, FeatureSpace space, Scorer scorer) {
    }

    private final TextFeatures features;
    private final List<Part> parts;
    private final List<String> categories;
    private final Map<String, String> departments;
    private final int trainingExamples;

    TrainedModel(TextFeatures features, List<Part> parts, List<String> categories,
            Map<String, String> departments, int trainingExamples) {
        this.features = features;
        this.parts = List.copyOf(parts);
        this.categories = List.copyOf(categories);
        this.departments = Map.copyOf(departments);
        this.trainingExamples = trainingExamples;
    }

    /** Every known category scored, best first; confidences (averaged over the parts) sum to 1. */
    public List<ScoredCategory> classify(String text) {
        double[] confidences = new double[categories.size()];
        Map<TextFeatures.View, Feature[]> vectors = new EnumMap<>(TextFeatures.View.class);
        for (Part part : parts) {
            // the learners of one view share its vocabulary: extract and vectorise once
            Feature[] vector = vectors.computeIfAbsent(part.view(),
                    view -> part.space().vector(features.extract(text, view)));
            double[] scores = part.scorer().confidences(vector, confidences.length);
            for (int label = 0; label < scores.length; label++) {
                confidences[label] += scores[label] / parts.size();
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

    /** The department that most often handled this category in the training history. */
    public Optional<String> usualDepartment(String category) {
        return Optional.ofNullable(departments.get(category));
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    public int dimension() {
        return parts.stream().map(Part::space).distinct().mapToInt(FeatureSpace::dimension).sum();
    }

    public List<String> categories() {
        return categories;
    }
}
