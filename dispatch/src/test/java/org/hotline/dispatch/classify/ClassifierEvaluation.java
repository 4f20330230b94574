package org.hotline.dispatch.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.ThresholdDerivation;

/**
 * Reproducible k-fold evaluation of the classifier on a JSON Lines file in the history-import
 * format. Folds are either random (stratification is left to the shuffle) or grouped by a field
 * (e.g. {@code matter}) so that a whole group is never both trained on and tested.
 *
 * <p>Run: see docs/classification.md.
 */
public final class ClassifierEvaluation {

    record Row(String text, String category, String department, String group) {
    }

    /** A held-out text's top suggestion and the fold it was held out in. */
    record FoldPrediction(int fold, ThresholdDerivation.HeldOut heldOut) {
    }

    private final ClassifierTrainer trainer;
    /** The held-out top suggestions of the last {@link #crossValidate} run. */
    final List<FoldPrediction> predictions = new ArrayList<>();
    /** The held-out rankings (every category) of the last run, in the order of {@link #predictions}. */
    final List<List<ScoredCategory>> rankings = new ArrayList<>();

    ClassifierEvaluation(ClassifierTrainer trainer) {
        this.trainer = trainer;
    }

    static List<Row> read(Path file, String groupField) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String text = LabelledText.appealText(node.path("title").asText(""),
                    node.path("content").asText(""), null);
            String group = groupField == null ? null : node.path(groupField).asText(null);
            // the shared citizen-message set names its class "label"
            String category = node.has("category") ? node.path("category").asText() : node.path("label").asText();
            rows.add(new Row(text, category, node.path("department").asText(null), group));
        }
        return rows;
    }

    EvaluationReport crossValidate(List<Row> rows, int folds, boolean grouped, long seed) {
        Function<Row, Integer> foldOf = foldAssignment(rows, folds, grouped, seed);
        predictions.clear();
        rankings.clear();
        List<String> truth = new ArrayList<>();
        List<List<ScoredCategory>> ranked = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int current = fold;
            List<LabelledText> training = rows.stream().filter(r -> foldOf.apply(r) != current)
                    .map(r -> new LabelledText(r.text(), r.category(), r.department())).toList();
            TrainedModel model = trainer.train(training);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (foldOf.apply(row) == current) {
                    truth.add(row.category());
                    ranked.add(model.classify(row.text()));
                    ScoredCategory top = ranked.get(ranked.size() - 1).get(0);
                    predictions.add(new FoldPrediction(fold, new ThresholdDerivation.HeldOut(row.category(),
                            top.category(), top.confidence())));
                    rankings.add(ranked.get(ranked.size() - 1));
                    printIfWrong(row, ranked.get(ranked.size() - 1));
                    recordPrediction(seed, i, row, ranked.get(ranked.size() - 1));
                }
            }
        }
        return EvaluationReport.of(truth, ranked);
    }

    /**
     * -Dpredictions=FILE appends "seed, row, truth, top answer, its confidence" per text, so that two configurations
     * can be compared text by text (scripts: docs/classification.md) rather than by their totals.
     */
    private static void recordPrediction(long seed, int index, Row row, List<ScoredCategory> ranked) {
        String file = System.getProperty("predictions");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), seed + "\t" + index + "\t" + row.category() + "\t"
                    + ranked.get(0).category() + "\t" + ranked.get(0).confidence() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** -Derrors=true lists each wrongly ranked text with its truth and the model's top answer. */
    private static void printIfWrong(Row row, List<ScoredCategory> ranked) {
        if (Boolean.getBoolean("errors") && !ranked.get(0).category().equals(row.category())) {
            System.out.printf("WRONG truth=%s predicted=%s (%.2f) %s%n", row.category(), ranked.get(0).category(),
                    ranked.get(0).confidence(), row.text().replace('\n', ' '));
        }
    }

    private static Function<Row, Integer> foldAssignment(List<Row> rows, int folds, boolean grouped, long seed) {
        List<Object> keys = new ArrayList<>(grouped
                ? rows.stream().map(Row::group).distinct().toList()
                : rows.stream().map(r -> (Object) r).toList());
        Collections.shuffle(keys, new Random(seed));
        java.util.Map<Object, Integer> fold = new java.util.IdentityHashMap<>();
        java.util.Map<Object, Integer> groupFold = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            (grouped ? groupFold : fold).put(keys.get(i), i % folds);
        }
        return grouped ? row -> groupFold.get(row.group()) : fold::get;
    }

    /**
     * -Dmodels=SVM,COMPLEMENT_NB -Dc=1 -Dbeta=0.25 -Dviews=WORDS,CHARS -Dweighting=BALANCED -Dscale=4
     * -DminDf=2 -DmaxCharGram=3 override the defaults.
     */
    static ClassifierConfig fromProperties(ClassifierConfig config) {
        List<TextFeatures.View> views = java.util.Arrays.stream(System.getProperty("views",
                String.join(",", config.views().stream().map(Enum::name).toList())).split(","))
                .map(TextFeatures.View::valueOf).toList();
        List<ClassifierConfig.Model> models = java.util.Arrays.stream(System.getProperty("models",
                String.join(",", config.models().stream().map(Enum::name).toList())).split(","))
                .map(ClassifierConfig.Model::valueOf).toList();
        ClassifierConfig.Weighting weighting = ClassifierConfig.Weighting.valueOf(
                System.getProperty("weighting", config.weighting().name()));
        double scale = Double.parseDouble(System.getProperty("scale", String.valueOf(config.softmaxScale())));
        double c = Double.parseDouble(System.getProperty("c", String.valueOf(config.c())));
        double beta = Double.parseDouble(System.getProperty("beta", String.valueOf(config.nbInterpolation())));
        return config.withModels(models, c).withViews(views, weighting).withSoftmaxScale(scale)
                .withNbInterpolation(beta)
                .withFeatures(Integer.getInteger("minDf", config.minDocumentFrequency()),
                        Integer.getInteger("maxCharGram", config.maxCharGram()));
    }

    /**
     * Keeps only a share of each category's rows (-Dskew=城乡建设:1,交通运输:0.3,...), to see how
     * the model behaves on the imbalance real histories have. Deterministic: the first rows win.
     */
    static List<Row> skew(List<Row> rows, String spec) {
        if (spec == null || spec.isBlank()) {
            return rows;
        }
        java.util.Map<String, Double> share = new java.util.HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            share.put(kv[0], Double.parseDouble(kv[1]));
        }
        java.util.Map<String, Long> total = rows.stream().collect(
                java.util.stream.Collectors.groupingBy(Row::category, java.util.stream.Collectors.counting()));
        java.util.Map<String, Integer> kept = new java.util.HashMap<>();
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            int already = kept.merge(row.category(), 1, Integer::sum);
            if (already <= Math.round(share.getOrDefault(row.category(), 1.0) * total.get(row.category()))) {
                out.add(row);
            }
        }
        return out;
    }

    /** Arguments: file [folds] [groupField|-] [model LOGISTIC|SVM] [C]. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/classification/eval-set.jsonl");
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String groupField = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        ClassifierConfig config = ClassifierConfig.defaults();
        if (args.length > 4) {
            config = config.withModel(ClassifierConfig.Model.valueOf(args[3]), Double.parseDouble(args[4]));
        }
        config = fromProperties(config);
        List<Row> rows = skew(read(file, groupField), System.getProperty("skew"));
        ClassifierEvaluation evaluation = new ClassifierEvaluation(
                new ClassifierTrainer(new TextFeatures(new MemoizedSegmenter(new HanLpSegmenter()), config.maxCharGram(),
                        !Boolean.getBoolean("noTitleWords"), !Boolean.getBoolean("noBigrams")), config));
        String title = String.format("%s %d-fold %s %s C=%s β=%s views=%s weighting=%s scale=%s", file.getFileName(),
                folds, groupField == null ? "random" : "grouped by " + groupField, config.models(), config.c(),
                config.nbInterpolation(), config.views(), config.weighting(), config.softmaxScale());
        String holdout = System.getProperty("holdout");
        if (holdout != null) {
            EvaluationReport report = evaluation.trainAndTest(rows, read(Path.of(holdout), null));
            System.out.print(report.render(title.replaceFirst(" \\d+-fold \\S+( by \\S+)?", " → " + holdout)));
            return;
        }
        evaluation.printRepeated(rows, folds, groupField != null, title, Integer.getInteger("repeats", 1));
    }

    /** -Drepeats=N: N differently shuffled fold assignments, to see how much of a difference is the split. */
    private void printRepeated(List<Row> rows, int folds, boolean grouped, String title, int repeats) {
        double[] sums = new double[3];
        for (int repeat = 0; repeat < repeats; repeat++) {
            long start = System.nanoTime();
            EvaluationReport report = crossValidate(rows, folds, grouped, 42 + repeat);
            String rendered = report.render(String.format("%s seed=%d (%.1f s)", title, 42 + repeat,
                    (System.nanoTime() - start) / 1e9));
            System.out.print(repeats == 1 ? rendered : rendered.lines().findFirst().orElseThrow() + "\n");
            if (System.getProperty("targetPrecision") != null) {
                System.out.printf("softmax scale with the least held-out log loss: %.2f (used: %s)%n",
                        Calibration.temperatureScale(heldOutTruths(), rankings, config().softmaxScale()),
                        config().softmaxScale());
                System.out.print(thresholdTable());
                System.out.print(policyOutcome(Double.parseDouble(System.getProperty("targetPrecision")),
                        Integer.getInteger("minSupport", 200)).render());
            }
            sums[0] += report.top1() / repeats;
            sums[1] += report.top3() / repeats;
            sums[2] += report.macroF1() / repeats;
        }
        if (repeats > 1) {
            System.out.printf("MEAN of %d: %s top1=%.4f top3=%.4f macroF1=%.4f%n", repeats, title, sums[0], sums[1], sums[2]);
        }
    }

    /**
     * The auto-assign policy derived for {@code targetPrecision} from the last run's held-out predictions, and what
     * it does to texts whose thresholds were derived WITHOUT them (fold f is judged by the policy derived from the
     * other folds' predictions), with a 95 % interval (normal approximation of the binomial).
     */
    PolicyOutcome policyOutcome(double targetPrecision, int minSupport) {
        int folds = predictions.stream().mapToInt(FoldPrediction::fold).max().orElse(-1) + 1;
        int assigned = 0;
        int wrong = 0;
        for (int fold = 0; fold < folds; fold++) {
            int current = fold;
            AutoAssignPolicy derived = ThresholdDerivation.derive(predictions.stream().filter(p -> p.fold() != current)
                    .map(FoldPrediction::heldOut).toList(), targetPrecision, minSupport);
            ThresholdDerivation.Outcome outcome = ThresholdDerivation.apply(derived, predictions.stream()
                    .filter(p -> p.fold() == current).map(FoldPrediction::heldOut).toList());
            assigned += outcome.assigned();
            wrong += outcome.wrong();
        }
        AutoAssignPolicy all = ThresholdDerivation.derive(predictions.stream().map(FoldPrediction::heldOut).toList(),
                targetPrecision, minSupport);
        return new PolicyOutcome(all, predictions.size(), assigned, wrong);
    }

    /** {@code policy}: derived from every held-out prediction; the counts: each fold judged by the others' policy. */
    record PolicyOutcome(AutoAssignPolicy policy, int n, int assigned, int wrong) {
        double coverage() {
            return (double) assigned / n;
        }

        double precision() {
            return assigned == 0 ? 1 : (double) (assigned - wrong) / assigned;
        }

        String render() {
            double p = precision();
            double c = coverage();
            return String.format("policy for target precision %.2f: %s%n  cross-validated: %d of %d assigned automatically"
                    + " (coverage %.4f ± %.4f), %d wrong (precision %.4f ± %.4f)%n", policy.targetPrecision(),
                    policy.toJson().encode(), assigned, n, c, 1.96 * Math.sqrt(c * (1 - c) / n), wrong, p,
                    1.96 * Math.sqrt(p * (1 - p) / Math.max(1, assigned)));
        }
    }

    private List<String> heldOutTruths() {
        return predictions.stream().map(p -> p.heldOut().truth()).toList();
    }

    private ClassifierConfig config() {
        return trainer.config();
    }

    /** Precision and coverage of the top suggestion at fixed thresholds (one threshold for every category). */
    String thresholdTable() {
        StringBuilder out = new StringBuilder("threshold  coverage  precision  wrong\n");
        List<ThresholdDerivation.HeldOut> all = predictions.stream().map(FoldPrediction::heldOut).toList();
        for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            ThresholdDerivation.Outcome o = ThresholdDerivation.apply(AutoAssignPolicy.uniform(t), all);
            out.append(String.format("%9.2f  %8.4f  %9.4f  %5d%n", t, o.coverage(), o.precision(), o.wrong()));
        }
        return out.toString();
    }

    /** Trains on every row and classifies another file's rows (e.g. texts written by someone else). */
    EvaluationReport trainAndTest(List<Row> training, List<Row> test) {
        TrainedModel model = trainer.train(training.stream()
                .map(r -> new LabelledText(r.text(), r.category(), r.department())).toList());
        List<String> truth = new ArrayList<>();
        List<List<ScoredCategory>> ranked = new ArrayList<>();
        for (Row row : test) {
            truth.add(row.category());
            ranked.add(model.classify(row.text()));
            printIfWrong(row, ranked.get(ranked.size() - 1));
        }
        return EvaluationReport.of(truth, ranked);
    }
}
