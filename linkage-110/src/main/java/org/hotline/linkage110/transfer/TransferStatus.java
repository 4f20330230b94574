package org.hotline.linkage110.transfer;

/**
 * The status a sender sees for each transfer, and the receiver's own view of incoming ones.
 * {@link #after(UpdateType)} decides every transition with an exhaustive switch, so a new status or
 * update type does not compile until its transitions are decided.
 */
public enum TransferStatus {
    /** Ours, waiting in the outbox. */
    QUEUED,
    /** Ours, the peer confirmed receipt (HTTP 202) but has not acknowledged yet. */
    DELIVERED,
    /** Theirs, received and being turned into a ticket. */
    RECEIVED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    /** Refused by the receiver, with a reason (a bounce). Final. */
    REJECTED,
    /** Closed with a handling result. Final. */
    RESULTED,
    /** Ours, could not be delivered after all attempts; a dispatcher must act. */
    PARKED;

    /** The status after an update, or this status when the update is late or repeated (ignored). */
    public TransferStatus after(UpdateType update) {
        return switch (update) {
            case ACKNOWLEDGED -> switch (this) {
                case QUEUED, DELIVERED, RECEIVED, PARKED -> ACKNOWLEDGED;
                case ACKNOWLEDGED, IN_PROGRESS, REJECTED, RESULTED -> this;
            };
            case REJECTED -> switch (this) {
                case QUEUED, DELIVERED, RECEIVED, ACKNOWLEDGED, IN_PROGRESS, PARKED -> REJECTED;
                case REJECTED, RESULTED -> this;
            };
            case IN_PROGRESS -> switch (this) {
                case QUEUED, DELIVERED, RECEIVED, ACKNOWLEDGED, PARKED -> IN_PROGRESS;
                case IN_PROGRESS, REJECTED, RESULTED -> this;
            };
            case RESULT -> switch (this) {
                case QUEUED, DELIVERED, RECEIVED, ACKNOWLEDGED, IN_PROGRESS, PARKED -> RESULTED;
                case REJECTED, RESULTED -> this;
            };
        };
    }

    public boolean isFinal() {
        return switch (this) {
            case REJECTED, RESULTED -> true;
            case QUEUED, DELIVERED, RECEIVED, ACKNOWLEDGED, IN_PROGRESS, PARKED -> false;
        };
    }
}
