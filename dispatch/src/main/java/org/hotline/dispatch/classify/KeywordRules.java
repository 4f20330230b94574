package org.hotline.dispatch.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.dispatch.store.CatalogEntry;

/**
 * The cold start: before enough history exists to train a model, a category scores by how many
 * of its catalog keywords (and its own name) occur in the text. Confidences are shares of the hits,
 * damped so that one hit never claims certainty.
 */
public final class KeywordRules {

    private KeywordRules() {
    }

    public static List<ScoredCategory> score(String text, List<CatalogEntry> catalog) {
        String normalized = TextFeatures.normalize(text);
        List<int[]> hits = new ArrayList<>(catalog.size());
        List<String> matched = new ArrayList<>(catalog.size());
        int total = 0;
        for (CatalogEntry entry : catalog) {
            List<String> found = new ArrayList<>();
            for (String keyword : terms(entry)) {
                if (!keyword.isBlank() && normalized.contains(TextFeatures.normalize(keyword))) {
                    found.add(keyword);
                }
            }
            hits.add(new int[] {found.size()});
            matched.add(String.join(",", found));
            total += found.size();
        }
        List<ScoredCategory> ranked = new ArrayList<>(catalog.size());
        for (int i = 0; i < catalog.size(); i++) {
            double confidence = (double) hits.get(i)[0] / (total + 1);
            String basis = matched.get(i).isEmpty() ? "keywords:none" : "keywords:" + matched.get(i);
            ranked.add(new ScoredCategory(catalog.get(i).code(), confidence, basis));
        }
        ranked.sort(Comparator.comparingDouble(ScoredCategory::confidence).reversed());
        return ranked;
    }

    private static List<String> terms(CatalogEntry entry) {
        List<String> terms = new ArrayList<>(entry.keywords());
        terms.add(entry.name());
        return terms;
    }
}
