package org.hotline.dispatch.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hotline.core.text.Segmenter;

/**
 * Turns a citizen's free text into the raw features the classifier counts: word unigrams and
 * bigrams from the shared segmenter, and character 1..3-grams. Character n-grams make the model
 * robust to segmentation errors on colloquial text and unknown place names; word n-grams carry the
 * longer matters ("违章搭建", "拖欠工资"). Digit runs collapse to one symbol because house numbers,
 * phone numbers and amounts vary endlessly and say nothing about the category. The words of the
 * first line (the title, as {@link LabelledText#appealText} puts it first) count once more as
 * title words: a citizen's or agent's title names the matter, the body adds places and story.
 */
public final class TextFeatures {

    static final char DIGITS = '#';
    private static final String WORD = "w\u0001";
    private static final String BIGRAM = "b\u0001";
    private static final String CHARS = "c\u0001";
    private static final String TITLE = "t\u0001";

    private final Segmenter segmenter;
    private final int maxCharGram;
    private final boolean titleWords;
    private final boolean wordBigrams;

    /** With title words and word bigrams. */
    public TextFeatures(Segmenter segmenter, int maxCharGram) {
        this(segmenter, maxCharGram, true);
    }

    public TextFeatures(Segmenter segmenter, int maxCharGram, boolean titleWords) {
        this(segmenter, maxCharGram, titleWords, true);
    }

    public TextFeatures(Segmenter segmenter, int maxCharGram, boolean titleWords, boolean wordBigrams) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        if (maxCharGram < 1 || maxCharGram > 4) {
            throw new IllegalArgumentException("maxCharGram must be 1..4");
        }
        this.maxCharGram = maxCharGram;
        this.titleWords = titleWords;
        this.wordBigrams = wordBigrams;
    }

    /**
     * Which features a model reads: both kinds in one space, or one kind each, so that an ensemble
     * of a word model and a character model can average two differently-erring views of a text.
     */
    public enum View { ALL, WORDS, CHARS }

    /** Every feature occurrence of the text (repeats count as term frequency). */
    public List<String> extract(String text) {
        return extract(text, View.ALL);
    }

    /** The feature occurrences of one view of the text. */
    public List<String> extract(String text, View view) {
        String normalized = normalize(text);
        List<String> features = new ArrayList<>(normalized.length() * (maxCharGram + 2));
        switch (view) {
            case ALL -> {
                addWordGrams(normalized, features);
                addCharGrams(normalized, features);
                addTitleWords(text, features);
            }
            case WORDS -> {
                addWordGrams(normalized, features);
                addTitleWords(text, features);
            }
            case CHARS -> addCharGrams(normalized, features);
        }
        return features;
    }

    private void addWordGrams(String normalized, List<String> features) {
        String previous = null;
        for (String word : segmenter.words(normalized)) {
            features.add(WORD + word);
            if (wordBigrams && previous != null) {
                features.add(BIGRAM + previous + '\u0002' + word);
            }
            previous = word;
        }
    }

    private void addTitleWords(String text, List<String> features) {
        int end = text == null ? -1 : text.indexOf('\n');
        if (!titleWords || end <= 0) {
            return;
        }
        for (String word : segmenter.words(normalize(text.substring(0, end)))) {
            features.add(TITLE + word);
        }
    }

    private void addCharGrams(String normalized, List<String> features) {
        // n-grams never span punctuation: a clause boundary is not part of a phrase
        for (String run : normalized.split("[^\\p{L}\\p{N}#]+")) {
            for (int n = 1; n <= maxCharGram; n++) {
                for (int i = 0; i + n <= run.length(); i++) {
                    features.add(CHARS + run.substring(i, i + n));
                }
            }
        }
    }

    /** A feature as a person reads it: the word (a bigram's two words joined), the title word, the characters. */
    static String readable(String feature) {
        return feature.substring(2).replace("\u0002", "");
    }

    /** Full-width to half-width, lower case, digit runs to one symbol, whitespace removed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inDigits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                c = ' ';
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            boolean digit = c >= '0' && c <= '9';
            if (digit && !inDigits) {
                out.append(DIGITS);
            } else if (!digit) {
                out.append(Character.toLowerCase(c));
            }
            inDigits = digit;
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
