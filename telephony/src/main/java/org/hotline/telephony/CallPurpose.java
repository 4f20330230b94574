package org.hotline.telephony;

import java.util.Optional;

/**
 * Why an outbound call is placed, as its record's {@code purpose}: {@code callback:<callId>},
 * {@code return-visit:<ticketId>} (an agent's), or {@code voice-survey:<ticketId>} (the robot's, no record).
 */
final class CallPurpose {

    private static final String CALLBACK = "callback:";
    private static final String RETURN_VISIT = "return-visit:";
    private static final String VOICE_SURVEY = "voice-survey:";

    private CallPurpose() {
    }

    static String callback(String missedCallId) {
        return CALLBACK + missedCallId;
    }

    static String returnVisit(String ticketId) {
        return RETURN_VISIT + ticketId;
    }

    static String voiceSurvey(String ticketId) {
        return VOICE_SURVEY + ticketId;
    }

    /** The missed call an outbound call returns, if it is a callback. */
    static Optional<String> callbackOf(String purpose) {
        return purpose.startsWith(CALLBACK) ? Optional.of(purpose.substring(CALLBACK.length())) : Optional.empty();
    }
}
