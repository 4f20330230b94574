package org.hotline.dispatch.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vocabulary learned from a training corpus with its inverse document frequencies. Turns
 * features into liblinear vectors: sublinear TF ({@code 1 + ln tf}) times smoothed IDF
 * ({@code ln((1+n)/(1+df)) + 1}), L2-normalised. Immutable once built, so a trained model can be
 * shared by all request threads.
 *
 * <p>Training documents are kept as arrays of provisional ids, never as lists of strings: a
 * 20,000-appeal corpus has tens of millions of feature occurrences.
 */
public final class FeatureSpace {

    private final Map<String, Integer> index;
    private final double[] idf;

    private FeatureSpace(Map<String, Integer> index, double[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Provisional ids handed out while the corpus is read (thread-safe, for parallel extraction). */
    public static final class Draft {
        private final ConcurrentHashMap<String, Integer> ids;
        private final AtomicInteger next = new AtomicInteger();

        public Draft() {
            this(16);
        }

        /**
         * Sized for the expected number of distinct features: growing a concurrent map while
         * several threads fill it makes every read detour through its forwarding nodes.
         */
        public Draft(int expectedFeatures) {
            ids = new ConcurrentHashMap<>(expectedFeatures);
        }

        public int[] ids(List<String> features) {
            int[] out = new int[features.size()];
            for (int i = 0; i < out.length; i++) {
                String feature = features.get(i);
                // most occurrences are of features already seen: a plain read takes no bin lock
                Integer known = ids.get(feature);
                out[i] = known != null ? known : ids.computeIfAbsent(feature, f -> next.getAndIncrement());
            }
            Arrays.sort(out); // sorted runs give term frequencies without a map per document
            return out;
        }

        /**
         * Keeps features seen in at least {@code minDocumentFrequency} documents and rewrites the
         * documents in place to the final ids (1-based, as liblinear wants; 0 = dropped).
         */
        public FeatureSpace fit(int[][] documents, int minDocumentFrequency) {
            int[] df = new int[next.get()];
            for (int[] document : documents) {
                for (int i = 0; i < document.length; i++) {
                    if (i == 0 || document[i] != document[i - 1]) {
                        df[document[i]]++;
                    }
                }
            }
            // Final ids follow the features' text, not the order in which parallel extraction first met them:
            // the same corpus then gives the same vectors, sums in the same order and the same model every time.
            String[] keptFeatures = ids.entrySet().stream().filter(e -> df[e.getValue()] >= minDocumentFrequency)
                    .map(Map.Entry::getKey).sorted().toArray(String[]::new);
            int kept = keptFeatures.length;
            int[] finalId = new int[df.length];
            double[] idf = new double[kept + 1];
            Map<String, Integer> index = new HashMap<>(kept * 2);
            for (int i = 0; i < kept; i++) {
                int provisional = ids.get(keptFeatures[i]);
                finalId[provisional] = i + 1;
                idf[i + 1] = Math.log((1.0 + documents.length) / (1.0 + df[provisional])) + 1.0;
                index.put(keptFeatures[i], i + 1);
            }
            for (int[] document : documents) {
                for (int i = 0; i < document.length; i++) {
                    document[i] = finalId[document[i]];
                }
                Arrays.sort(document);
            }
            return new FeatureSpace(index, idf);
        }
    }

    /** The id of a feature of the vocabulary. */
    public java.util.Optional<Integer> id(String feature) {
        return java.util.Optional.ofNullable(index.get(feature));
    }

    public int dimension() {
        return index.size();
    }

    /** The vector of a new text; unknown features are ignored. */
    public Feature[] vector(List<String> features) {
        int[] ids = new int[features.size()];
        int n = 0;
        for (String feature : features) {
            Integer id = index.get(feature);
            if (id != null) {
                ids[n++] = id;
            }
        }
        int[] known = Arrays.copyOf(ids, n);
        Arrays.sort(known);
        return vector(known);
    }

    /** The sparse, sorted, unit-length vector of sorted final ids (0 = dropped feature). */
    public Feature[] vector(int[] sortedIds) {
        int distinct = 0;
        for (int i = 0; i < sortedIds.length; i++) {
            if (sortedIds[i] != 0 && (i == 0 || sortedIds[i] != sortedIds[i - 1])) {
                distinct++;
            }
        }
        Feature[] vector = new Feature[distinct + 1];
        double norm = 0;
        int at = 0;
        for (int i = 0; i < sortedIds.length; ) {
            int id = sortedIds[i];
            int run = 1;
            while (i + run < sortedIds.length && sortedIds[i + run] == id) {
                run++;
            }
            if (id != 0) {
                double value = (1.0 + Math.log(run)) * idf[id];
                vector[at++] = new FeatureNode(id, value);
                norm += value * value;
            }
            i += run;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < distinct; i++) {
            vector[i].setValue(vector[i].getValue() * scale);
        }
        // a constant last feature acts as each class's intercept (regularised, like sklearn's LinearSVC)
        vector[distinct] = new FeatureNode(index.size() + 1, 1.0);
        return vector;
    }
}
