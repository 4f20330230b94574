package org.hotline.core.time;

import java.util.List;

/** How a deadline was derived, step by step, in Chinese for the people who read it. */
public record Derivation(List<String> steps) {

    public Derivation {
        steps = List.copyOf(steps);
    }
}
