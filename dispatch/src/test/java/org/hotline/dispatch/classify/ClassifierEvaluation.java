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

    private final ClassifierTrainer trainer;

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
            rows.add(new Row(text, node.path("category").asText(), node.path("department").asText(null), group));
        }
        return rows;
    }

    EvaluationReport crossValidate(List<Row> rows, int folds, boolean grouped, long seed) {
        Function<Row, Integer> foldOf = foldAssignment(rows, folds, grouped, seed);
        List<String> truth = new ArrayList<>();
        List<List<ScoredCategory>> ranked = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int current = fold;
            List<LabelledText> training = rows.stream().filter(r -> foldOf.apply(r) != current)
                    .map(r -> new LabelledText(r.text(), r.category(), r.department())).toList();
            TrainedModel model = trainer.train(training);
            for (Row row : rows) {
                if (foldOf.apply(row) == current) {
                    truth.add(row.category());
                    ranked.add(model.classify(row.text()));
                }
            }
        }
        return EvaluationReport.of(truth, ranked);
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

    /** Arguments: file [folds] [groupField|-] [model LOGISTIC|SVM] [C]. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/classification/eval-set.jsonl");
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String groupField = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        ClassifierConfig config = ClassifierConfig.defaults();
        if (args.length > 4) {
            config = config.withModel(ClassifierConfig.Model.valueOf(args[3]), Double.parseDouble(args[4]));
        }
        List<Row> rows = read(file, groupField);
        ClassifierEvaluation evaluation = new ClassifierEvaluation(
                new ClassifierTrainer(new TextFeatures(new HanLpSegmenter(), config.maxCharGram()), config));
        long start = System.nanoTime();
        EvaluationReport report = evaluation.crossValidate(rows, folds, groupField != null, 42);
        System.out.print(report.render(String.format("%s %d-fold %s %s C=%s (%.1f s)", file.getFileName(), folds,
                groupField == null ? "random" : "grouped by " + groupField, config.model(), config.c(),
                (System.nanoTime() - start) / 1e9)));
    }
}
