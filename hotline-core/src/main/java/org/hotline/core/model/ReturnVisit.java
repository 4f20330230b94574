package org.hotline.core.model;

import java.time.Instant;
import java.util.Objects;

/** The return visit (回访): was it resolved, was the citizen satisfied. */
public record ReturnVisit(Resolution resolution, Satisfaction satisfaction, String note, Instant at) {

    public ReturnVisit {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(satisfaction, "satisfaction");
        Objects.requireNonNull(at, "at");
    }

    /** Unresolved or dissatisfied: the ticket may be handled again (重办). */
    public boolean callsForRehandling() {
        return resolution == Resolution.UNRESOLVED || satisfaction == Satisfaction.DISSATISFIED;
    }
}
