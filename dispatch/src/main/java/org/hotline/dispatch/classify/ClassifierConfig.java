package org.hotline.dispatch.classify;

import java.util.List;

/**
 * Tuning of the text classifier. Defaults were chosen by cross-validation grouped by matter on the
 * evaluation set (docs/classification.md); {@code softmaxScale} turns SVM decision values into
 * confidences.
 *
 * @param model               LOGISTIC (probabilities from the model) or SVM (softmax over margins)
 * @param c                   liblinear's C: larger fits the training set more tightly
 * @param minDocumentFrequency features seen in fewer documents are dropped
 * @param maxCharGram         longest character n-gram
 * @param softmaxScale        temperature for SVM margins
 * @param minTrainingExamples below this many examples the keyword rules answer alone
 * @param views               one model per view, their confidences averaged (an ensemble when > 1)
 * @param weighting           how much a rare category's examples weigh against a frequent one's
 */
public record ClassifierConfig(
        Model model, double c, int minDocumentFrequency, int maxCharGram, double softmaxScale,
        int minTrainingExamples, List<TextFeatures.View> views, Weighting weighting) {

    /** The learning algorithm; both are L2-regularised liblinear solvers. */
    public enum Model { LOGISTIC, SVM }

    /**
     * Class weights against imbalance (real histories have several times more 城乡建设 than
     * 交通运输 appeals): none, the square root of the balancing factor, or fully balanced
     * ({@code n / (k × n_class)}, sklearn's "balanced").
     */
    public enum Weighting { NONE, SQRT_BALANCED, BALANCED }

    public ClassifierConfig {
        if (model == null || weighting == null || views == null || views.isEmpty()) {
            throw new IllegalArgumentException("model, weighting and at least one view are required");
        }
        views = List.copyOf(views);
        if (!(c > 0) || minDocumentFrequency < 1 || maxCharGram < 1 || maxCharGram > 4
                || !(softmaxScale > 0) || minTrainingExamples < 1) {
            throw new IllegalArgumentException(
                    "classifier config out of range: c>0, minDocumentFrequency>=1, maxCharGram 1..4,"
                            + " softmaxScale>0, minTrainingExamples>=1");
        }
    }

    public static ClassifierConfig defaults() {
        return new ClassifierConfig(Model.SVM, 1.0, 2, 3, 4.0, 20, List.of(TextFeatures.View.ALL), Weighting.BALANCED);
    }

    public ClassifierConfig withModel(Model newModel, double newC) {
        return new ClassifierConfig(newModel, newC, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples, views, weighting);
    }

    public ClassifierConfig withViews(List<TextFeatures.View> newViews, Weighting newWeighting) {
        return new ClassifierConfig(model, c, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples, newViews, newWeighting);
    }

    public ClassifierConfig withSoftmaxScale(double newScale) {
        return new ClassifierConfig(model, c, minDocumentFrequency, maxCharGram, newScale,
                minTrainingExamples, views, weighting);
    }
}
