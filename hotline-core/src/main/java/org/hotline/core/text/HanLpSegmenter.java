package org.hotline.core.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * HanLP portable's standard segmenter (dictionaries ship in the jar). The segment object is
 * thread-safe for {@code seg}; loading the dictionaries takes about a second, so share one instance.
 */
public final class HanLpSegmenter implements Segmenter {

    private final Segment segment;

    public HanLpSegmenter() {
        this.segment = HanLP.newSegment()
                .enableNameRecognize(false)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    @Override
    public List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Term> terms = segment.seg(text);
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            String word = term.word.strip();
            if (!word.isEmpty() && !isPunctuation(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isPunctuation(String word) {
        return word.codePoints().allMatch(cp -> !Character.isLetterOrDigit(cp));
    }
}
