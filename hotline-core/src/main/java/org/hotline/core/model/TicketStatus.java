package org.hotline.core.model;

/**
 * Where a ticket stands in the pipeline. The main path is RECEIVED → CLASSIFIED → ASSIGNED →
 * SIGNED → IN_PROGRESS → REPLIED → REVIEWED → REVISITED → CLOSED; side states are
 * RETURN_REQUESTED (退单 awaiting the center), SUSPENDED (挂起, clocks paused), and the terminal
 * NOT_ACCEPTED (不予受理) and MERGED (并入主单; it still mirrors the master's reply and visit).
 */
public enum TicketStatus {
    RECEIVED("已受理"),
    CLASSIFIED("已分类"),
    ASSIGNED("已派单"),
    SIGNED("已签收"),
    IN_PROGRESS("办理中"),
    RETURN_REQUESTED("退单待审"),
    SUSPENDED("已挂起"),
    REPLIED("已回复"),
    REVIEWED("已审核"),
    REVISITED("已回访"),
    CLOSED("已办结"),
    NOT_ACCEPTED("不予受理"),
    MERGED("已并单");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open tickets are still owed something by the hotline (MERGED ones follow their master). */
    public boolean isOpen() {
        return switch (this) {
            case RECEIVED, CLASSIFIED, ASSIGNED, SIGNED, IN_PROGRESS, RETURN_REQUESTED, SUSPENDED,
                 REPLIED, REVIEWED, REVISITED -> true;
            case CLOSED, NOT_ACCEPTED, MERGED -> false;
        };
    }
}
