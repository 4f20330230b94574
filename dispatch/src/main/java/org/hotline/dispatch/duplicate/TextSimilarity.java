package org.hotline.dispatch.duplicate;

import java.util.HashMap;
import java.util.Map;

/**
 * Cosine similarity of two appeals over character bigrams: robust to Chinese word boundaries and
 * to the small rewordings of a citizen who calls again about the same matter. Digits are kept,
 * since a repeated house number is evidence of the same place.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    public static double cosine(String a, String b) {
        Map<String, Integer> x = bigrams(a);
        Map<String, Integer> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            dot += e.getValue() * (double) y.getOrDefault(e.getKey(), 0);
        }
        return dot / (norm(x) * norm(y));
    }

    private static Map<String, Integer> bigrams(String text) {
        String clean = text == null ? "" : text.replaceAll("[^\\p{L}\\p{N}]", "");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 <= clean.length(); i++) {
            counts.merge(clean.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }

    private static double norm(Map<String, Integer> counts) {
        double sum = 0;
        for (int c : counts.values()) {
            sum += (double) c * c;
        }
        return Math.sqrt(sum);
    }
}
