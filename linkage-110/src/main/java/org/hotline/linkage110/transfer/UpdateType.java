package org.hotline.linkage110.transfer;

/** Kinds of update the receiver of a transfer sends back to its sender (closed loop). */
public enum UpdateType {
    /** The receiver took the order on. */
    ACKNOWLEDGED,
    /** The receiver refuses the order; a reason is mandatory. Counts as a bounce. */
    REJECTED,
    /** An intermediate handling status (dispatched, on scene...). */
    IN_PROGRESS,
    /** The final handling result. */
    RESULT
}
