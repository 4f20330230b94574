package org.hotline.linkage110.transfer;

import java.time.Instant;

/**
 * A police order handed over by 110, as the ticket intake needs it. {@code transferId} is unique per
 * order: the intake must create at most one ticket per transferId (it is the idempotency key).
 */
public record PoliceOrder(String transferId, String incidentNumber, String listCode, int listVersion,
                          String urgency, String title, String content, String district, String address,
                          String callerName, String callerPhone, Instant occurredAt) {

    @Override
    public String toString() {
        return "PoliceOrder[transferId=" + transferId + ", incident=" + incidentNumber + ", item=" + listCode
                + "@v" + listVersion + ", urgency=" + urgency + "]";
    }
}
