package org.hotline.dispatch.classify;

import java.util.Objects;

/**
 * One training example: the appeal's text and the category (and department) it finally got,
 * after the dispatchers' corrections. {@code department} may be null.
 */
public record LabelledText(String text, String category, String department) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        if (category.isBlank()) {
            throw new IllegalArgumentException("category is blank");
        }
    }

    /** The text the classifier reads for an appeal: title, content and place joined. */
    public static String appealText(String title, String content, String location) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {title, content, location}) {
            if (part != null && !part.isBlank()) {
                text.append(part.strip()).append('\n');
            }
        }
        return text.toString();
    }
}
