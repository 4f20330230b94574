package org.hotline.core.model;

/** What the citizen wants: 咨询, 求助, 投诉, 举报, 建议, 表扬. */
public enum AppealType {
    CONSULTATION("咨询"),
    HELP("求助"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    SUGGESTION("建议"),
    PRAISE("表扬");

    private final String label;

    AppealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
