package org.hotline.dispatch.classify;

import java.util.Objects;

/** A category the classifier suggests, with a confidence in 0..1 and how it was reached. */
public record ScoredCategory(String category, double confidence, String basis) {

    public ScoredCategory {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(basis, "basis");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in 0..1");
        }
    }
}
