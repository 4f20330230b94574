package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.ThresholdDerivation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Quality floors on the 6,642 real labelled citizen messages of the shared data folder (never copied into the
 * repository; read at test time from {@code shared/data/citizen-messages/train.jsonl} beside the clone or above
 * it): 5-fold cross-validation (seed 42) of the default model and of the built-in auto-assign policy. The floors
 * sit a little under the figures of docs/classification.md, so a change that loses dozens of texts fails here.
 * In CI ({@code CI=true}) a missing data folder fails; elsewhere the test is skipped with a loud message.
 * CPU-heavy (five trainings): an integration test, run with the module's others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenMessagesQualityIT {

    static final String DATA = "shared/data/citizen-messages/train.jsonl";

    private EvaluationReport report;
    private List<ThresholdDerivation.HeldOut> heldOut;
    private ClassifierEvaluation evaluation;

    /** {@code shared/} beside the project root (CI) or beside one of its parent folders (a worktree's checkout). */
    static Optional<Path> data() {
        Path root = Path.of("").toAbsolutePath();
        if (Files.exists(root.resolve("pom.xml")) && Files.exists(root.getParent().resolve("pom.xml"))) {
            root = root.getParent(); // run from the module folder
        }
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DATA);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @BeforeAll
    void crossValidate() throws IOException {
        Optional<Path> file = data();
        if (file.isEmpty()) {
            String message = "real citizen messages not found: no " + DATA + " beside the project root or above it";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI must provide ../shared)");
            }
            System.err.println("SKIPPED CitizenMessagesQualityIT: " + message);
            Assumptions.abort(message);
        }
        ClassifierConfig config = ClassifierConfig.defaults();
        evaluation = new ClassifierEvaluation(new ClassifierTrainer(
                new TextFeatures(new MemoizedSegmenter(new HanLpSegmenter()), config.maxCharGram()), config));
        report = evaluation.crossValidate(ClassifierEvaluation.read(file.get(), null), 5, false, 42);
        heldOut = evaluation.predictions.stream().map(ClassifierEvaluation.FoldPrediction::heldOut).toList();
    }

    @Test
    void theDefaultModelRanksRealMessagesItNeverSawAtTheMeasuredQuality() {
        assertThat(report.n()).isEqualTo(6642);
        assertThat(report.top1()).isGreaterThan(TOP1_FLOOR);
        assertThat(report.macroF1()).isGreaterThan(0.92);
        assertThat(report.top3()).isGreaterThan(0.99);
    }

    @Test
    void theBuiltInPolicyAssignsMostRealMessagesAutomaticallyAndAlmostAlwaysRight() {
        assertThat(AutoAssignPolicy.defaults().autoAssignConfidence()).isEqualTo(0.9);
        ThresholdDerivation.Outcome outcome = ThresholdDerivation.apply(AutoAssignPolicy.defaults(), heldOut);

        // measured (seed 42): coverage 0.778, precision 0.978; issue 20 asks 0.85 and 0.98, NOT reached yet
        assertThat(outcome.coverage()).as("share assigned without a dispatcher").isGreaterThanOrEqualTo(0.76);
        assertThat(outcome.precision()).as("share of those assigned to the right category").isGreaterThanOrEqualTo(0.975);
    }

    @Test
    void thresholdsDerivedOnOtherFoldsKeepTheirPrecisionOnTextsTheyWereNotDerivedFrom() {
        ClassifierEvaluation.PolicyOutcome outcome = evaluation.policyOutcome(0.98, 200);

        // measured (seed 42): precision 0.978 ± 0.004 at coverage 0.760 ± 0.010
        assertThat(outcome.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(outcome.coverage()).isGreaterThanOrEqualTo(0.74);
    }

    /** Measured 0.9330 (seed 42); issue 20 asks 0.94, NOT reached yet. */
    private static final double TOP1_FLOOR = 0.925;
}
