package org.hotline.dispatch.classify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.core.text.Segmenter;

/**
 * Segments each distinct text once: cross-validation trains on the same texts in every fold, and
 * segmentation is a quarter of a training's CPU. Evaluation only (it keeps every text's words).
 */
final class MemoizedSegmenter implements Segmenter {

    private final Segmenter segmenter;
    private final Map<String, List<String>> words = new ConcurrentHashMap<>();

    MemoizedSegmenter(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public List<String> words(String text) {
        return words.computeIfAbsent(text, segmenter::words);
    }
}
