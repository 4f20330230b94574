package org.hotline.core.model;

/** The supervision ladder: 催办 → 督办 → 通报. */
public enum UrgeLevel {
    URGE("催办"), SUPERVISE("督办"), NOTIFY("通报");

    private final String label;

    UrgeLevel(String label) {
        this.label = label;
    }

    /** The ladder's name as users read it. */
    public String label() {
        return label;
    }
}
