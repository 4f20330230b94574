package org.hotline.core.model;

/** What happened to a 12345 → 110 transfer of a ticket (移交110), as recorded on the ticket. */
public enum PoliceLinkageStage {
    TRANSFERRED("已移交110"),
    ACKNOWLEDGED("110已签收"),
    REJECTED("110退回"),
    RESULTED("110处置结果");

    private final String label;

    PoliceLinkageStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
