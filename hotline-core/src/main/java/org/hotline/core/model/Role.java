package org.hotline.core.model;

/** Who acts on a ticket. Center staff (agent .. system) work for the hotline; the others do not. */
public enum Role {
    CITIZEN,
    AGENT,
    DISPATCHER,
    DEPARTMENT,
    SUPERVISOR,
    ADMIN,
    SYSTEM;

    /** Staff of the hotline center itself, who may see callers' personal data by default. */
    public boolean isCenterStaff() {
        return switch (this) {
            case AGENT, DISPATCHER, SUPERVISOR, ADMIN, SYSTEM -> true;
            case CITIZEN, DEPARTMENT -> false;
        };
    }
}
