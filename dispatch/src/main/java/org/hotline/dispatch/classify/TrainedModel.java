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

    /**
     * The words of the text that weigh most for category {@code a} against category {@code b} in the linear
     * scores (each feature's weight difference times its value in the text), best first, at most {@code limit}:
     * what made the model prefer one of two close suggestions. Features are merged by the text they show (a word,
     * the same characters as an n-gram, a title word, a bigram's two words joined); single characters and digit
     * runs are left out. Empty when a category is unknown or no learner keeps per-feature weights (plain liblinear).
     */
    public List<String> decidingWords(String text, String a, String b, int limit) {
        int labelA = categories.indexOf(a);
        int labelB = categories.indexOf(b);
        if (labelA < 0 || labelB < 0 || limit <= 0) {
            return List.of();
        }
        Map<String, Double> weightOf = new java.util.HashMap<>();
        for (Part part : parts) {
            if (!(part.scorer() instanceof Scorer.Weights weights)) {
                continue;
            }
            List<String> extracted = features.extract(text, part.view());
            Map<Integer, String> nameOf = new java.util.HashMap<>();
            extracted.forEach(f -> part.space().id(f).ifPresent(id -> nameOf.putIfAbsent(id, f)));
            for (Feature feature : part.space().vector(extracted)) {
                String name = nameOf.get(feature.getIndex());
                if (name == null) {
                    continue; // the intercept
                }
                double contribution = (weights.weights()[labelA][feature.getIndex()]
                        - weights.weights()[labelB][feature.getIndex()]) * feature.getValue();
                weightOf.merge(TextFeatures.readable(name), contribution, Double::sum);
            }
        }
        return weightOf.entrySet().stream().filter(e -> e.getValue() > 0 && e.getKey().length() >= 2
                        && e.getKey().chars().noneMatch(c -> c == TextFeatures.DIGITS))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(limit).toList();
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
