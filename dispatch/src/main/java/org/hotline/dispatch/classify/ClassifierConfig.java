package org.hotline.dispatch.classify;

import java.util.List;

/**
 * Tuning of the text classifier. Defaults were chosen by cross-validation on the evaluation sets
 * (docs/classification.md); {@code softmaxScale} turns SVM decision values into confidences.
 *
 * @param models              the learners; more than one is an ensemble whose confidences are averaged
 * @param c                   liblinear's C: larger fits the training set more tightly
 * @param minDocumentFrequency features seen in fewer documents are dropped
 * @param maxCharGram         longest character n-gram
 * @param softmaxScale        temperature for SVM margins
 * @param minTrainingExamples below this many examples the keyword rules answer alone
 * @param views               one model per view, their confidences averaged (an ensemble when > 1)
 * @param weighting           how much a rare category's examples weigh against a frequent one's
 * @param nbInterpolation     NB-SVM's β: 1 keeps the SVM weights, 0 flattens them to their mean
 */
public record ClassifierConfig(
        List<Model> models, double c, int minDocumentFrequency, int maxCharGram, double softmaxScale,
        int minTrainingExamples, List<TextFeatures.View> views, Weighting weighting, double nbInterpolation) {

    /**
     * The learning algorithms: liblinear's L2-regularised logistic regression and L2-loss SVM, the
     * NB-SVM of Wang &amp; Manning (2012: an SVM on features scaled by each class's naive-Bayes
     * log-count ratio) and Complement Naive Bayes (Rennie et al. 2003), meant as a second voter.
     */
    public enum Model { LOGISTIC, SVM, NBSVM, COMPLEMENT_NB }

    /**
     * Class weights against imbalance (real histories have several times more 城乡建设 than
     * 交通运输 appeals): none, the square root of the balancing factor, or fully balanced
     * ({@code n / (k × n_class)}, sklearn's "balanced").
     */
    public enum Weighting { NONE, SQRT_BALANCED, BALANCED }

    public ClassifierConfig {
        if (models == null || models.isEmpty() || weighting == null || views == null || views.isEmpty()) {
            throw new IllegalArgumentException("at least one model and one view, and a weighting, are required");
        }
        models = List.copyOf(models);
        views = List.copyOf(views);
        if (!(c > 0) || minDocumentFrequency < 1 || maxCharGram < 1 || maxCharGram > 4
                || !(softmaxScale > 0) || minTrainingExamples < 1 || !(nbInterpolation >= 0 && nbInterpolation <= 1)) {
            throw new IllegalArgumentException(
                    "classifier config out of range: c>0, minDocumentFrequency>=1, maxCharGram 1..4,"
                            + " softmaxScale>0, minTrainingExamples>=1, nbInterpolation 0..1");
        }
    }

    public static ClassifierConfig defaults() {
        // NB-SVM without interpolation: the best of the learners on the hand-written set, equal on the generated
        // one (docs/classification.md, session 3)
        return new ClassifierConfig(List.of(Model.NBSVM), 1.0, 2, 3, 4.0, 20, List.of(TextFeatures.View.ALL),
                Weighting.BALANCED, 1.0);
    }

    /** The first (or only) learner. */
    public Model model() {
        return models.get(0);
    }

    public ClassifierConfig withModel(Model newModel, double newC) {
        return withModels(List.of(newModel), newC);
    }

    public ClassifierConfig withModels(List<Model> newModels, double newC) {
        return new ClassifierConfig(newModels, newC, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples, views, weighting, nbInterpolation);
    }

    public ClassifierConfig withViews(List<TextFeatures.View> newViews, Weighting newWeighting) {
        return new ClassifierConfig(models, c, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples, newViews, newWeighting, nbInterpolation);
    }

    public ClassifierConfig withSoftmaxScale(double newScale) {
        return new ClassifierConfig(models, c, minDocumentFrequency, maxCharGram, newScale,
                minTrainingExamples, views, weighting, nbInterpolation);
    }

    public ClassifierConfig withFeatures(int newMinDocumentFrequency, int newMaxCharGram) {
        return new ClassifierConfig(models, c, newMinDocumentFrequency, newMaxCharGram, softmaxScale,
                minTrainingExamples, views, weighting, nbInterpolation);
    }

    public ClassifierConfig withNbInterpolation(double beta) {
        return new ClassifierConfig(models, c, minDocumentFrequency, maxCharGram, softmaxScale,
                minTrainingExamples, views, weighting, beta);
    }
}
