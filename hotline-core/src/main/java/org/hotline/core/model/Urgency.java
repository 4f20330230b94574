package org.hotline.core.model;

/** How fast the matter must move: 特急, 紧急, 一般. */
public enum Urgency {
    EMERGENCY("特急"),
    URGENT("紧急"),
    NORMAL("一般");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
