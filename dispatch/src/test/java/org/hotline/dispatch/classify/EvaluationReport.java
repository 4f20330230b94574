package org.hotline.dispatch.classify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Top-1, top-3, macro-F1 and per-class precision/recall of ranked predictions against truth. */
record EvaluationReport(int n, double top1, double top3, double macroF1, Map<String, double[]> perClass) {

    static EvaluationReport of(List<String> truth, List<List<ScoredCategory>> ranked) {
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        int hit1 = 0;
        int hit3 = 0;
        for (int i = 0; i < truth.size(); i++) {
            String expected = truth.get(i);
            List<ScoredCategory> suggestions = ranked.get(i);
            String predicted = suggestions.get(0).category();
            hit1 += predicted.equals(expected) ? 1 : 0;
            hit3 += suggestions.stream().limit(3).anyMatch(s -> s.category().equals(expected)) ? 1 : 0;
            counts.computeIfAbsent(expected, k -> new int[3]);
            counts.computeIfAbsent(predicted, k -> new int[3]);
            if (predicted.equals(expected)) {
                counts.get(expected)[0]++;
            } else {
                counts.get(predicted)[1]++;
                counts.get(expected)[2]++;
            }
        }
        Map<String, double[]> perClass = new TreeMap<>();
        double f1Sum = 0;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(entry.getKey(), new double[] {precision, recall, f1, c[0] + c[2]});
            f1Sum += f1;
        }
        int n = truth.size();
        return new EvaluationReport(n, (double) hit1 / n, (double) hit3 / n, f1Sum / counts.size(), perClass);
    }

    String render(String title) {
        StringBuilder out = new StringBuilder(String.format(
                "%s: n=%d top1=%.4f top3=%.4f macroF1=%.4f%n", title, n, top1, top3, macroF1));
        perClass.forEach((category, v) -> out.append(String.format(
                "  %-10s precision=%.3f recall=%.3f f1=%.3f support=%d%n", category, v[0], v[1], v[2], (int) v[3])));
        return out.toString();
    }
}
