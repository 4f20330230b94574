package org.hotline.dispatch.classify;

/**
 * Tuning of the text classifier. Defaults were chosen by cross-validation on the evaluation set
 * (docs/classification.md); {@code softmaxScale} turns SVM decision values into confidences.
 *
 * @param model               LOGISTIC (probabilities from the model) or SVM (softmax over margins)
 * @param c                   liblinear's C: larger fits the training set more tightly
 * @param minDocumentFrequency features seen in fewer documents are dropped
 * @param maxCharGram         longest character n-gram
 * @param softmaxScale        temperature for SVM margins
 * @param minTrainingExamples below this many examples the keyword rules answer alone
 */
public record ClassifierConfig(
        Model model, double c, int minDocumentFrequency, int maxCharGram, double softmaxScale,
        int minTrainingExamples) {

    /** The learning algorithm; both are L2-regularised liblinear solvers. */
    public enum Model { LOGISTIC, SVM }

    public ClassifierConfig {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        if (!(c > 0) || minDocumentFrequency < 1 || maxCharGram < 1 || maxCharGram > 4
                || !(softmaxScale > 0) || minTrainingExamples < 1) {
            throw new IllegalArgumentException(
                    "classifier config out of range: c>0, minDocumentFrequency>=1, maxCharGram 1..4,"
                            + " softmaxScale>0, minTrainingExamples>=1");
        }
    }

    public static ClassifierConfig defaults() {
        return new ClassifierConfig(Model.SVM, 1.0, 2, 3, 4.0, 20);
    }

    public ClassifierConfig withModel(Model newModel, double newC) {
        return new ClassifierConfig(newModel, newC, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples);
    }
}
