package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary learned from a training corpus with its inverse document frequencies. Turns
 * extracted features into liblinear vectors: sublinear TF ({@code 1 + ln tf}) times smoothed IDF,
 * L2-normalised. Immutable once built, so a trained model can be shared by all request threads.
 */
public final class FeatureSpace {

    private final Map<String, Integer> index;
    private final double[] idf;

    private FeatureSpace(Map<String, Integer> index, double[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Keeps features seen in at least {@code minDocumentFrequency} documents. */
    public static FeatureSpace fit(List<List<String>> documents, int minDocumentFrequency) {
        Map<String, int[]> frequencies = new HashMap<>();
        for (List<String> document : documents) {
            for (String feature : new java.util.HashSet<>(document)) {
                frequencies.computeIfAbsent(feature, f -> new int[1])[0]++;
            }
        }
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[frequencies.size() + 1];
        int n = documents.size();
        for (Map.Entry<String, int[]> entry : frequencies.entrySet()) {
            int df = entry.getValue()[0];
            if (df >= minDocumentFrequency) {
                int id = index.size() + 1; // liblinear indices start at 1
                index.put(entry.getKey(), id);
                idf[id] = Math.log((1.0 + n) / (1.0 + df)) + 1.0;
            }
        }
        // no defensive copy: the map never leaves this class and copying 10^6 entries costs a second
        return new FeatureSpace(index, Arrays.copyOf(idf, index.size() + 1));
    }

    public int dimension() {
        return index.size();
    }

    /** The sparse, sorted, unit-length vector of one document; unknown features are ignored. */
    public Feature[] vector(List<String> features) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (String feature : features) {
            Integer id = index.get(feature);
            if (id != null) {
                counts.computeIfAbsent(id, k -> new int[1])[0]++;
            }
        }
        int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[ids.length];
        double norm = 0;
        for (int i = 0; i < ids.length; i++) {
            values[i] = (1.0 + Math.log(counts.get(ids[i])[0])) * idf[ids[i]];
            norm += values[i] * values[i];
        }
        norm = Math.sqrt(norm);
        Feature[] vector = new Feature[ids.length];
        for (int i = 0; i < ids.length; i++) {
            vector[i] = new FeatureNode(ids[i], values[i] / norm);
        }
        return vector;
    }
}
