package org.hotline.core.text;

import java.util.List;

/**
 * Splits Chinese (and mixed) text into words. Dispatch uses it for classification features,
 * search for pre-segmented full-text fields, so both see the same words.
 */
public interface Segmenter {

    /** Words of the text in order, punctuation and whitespace dropped; never null. */
    List<String> words(String text);
}
