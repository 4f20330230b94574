package org.hotline.telephony;

import java.util.Optional;

/** Why an outbound call is placed, as its record's {@code purpose}: {@code callback:<callId>} or {@code return-visit:<ticketId>}. */
final class CallPurpose {

    private static final String CALLBACK = "callback:";
    private static final String RETURN_VISIT = "return-visit:";

    private CallPurpose() {
    }

    static String callback(String missedCallId) {
        return CALLBACK + missedCallId;
    }

    static String returnVisit(String ticketId) {
        return RETURN_VISIT + ticketId;
    }

    /** The missed call an outbound call returns, if it is a callback. */
    static Optional<String> callbackOf(String purpose) {
        return purpose.startsWith(CALLBACK) ? Optional.of(purpose.substring(CALLBACK.length())) : Optional.empty();
    }
}
