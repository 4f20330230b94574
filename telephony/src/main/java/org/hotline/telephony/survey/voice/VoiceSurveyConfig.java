package org.hotline.telephony.survey.voice;

import java.time.Duration;
import java.util.Objects;
import org.hotline.telephony.sms.QuietHours;

/**
 * The automated voice survey (语音回访). {@code attempts == 0} switches it off (the default): the SMS
 * survey then follows the reply as before.
 *
 * @param attempts   calls placed to one citizen before the survey falls back to SMS (0: voice survey off)
 * @param retryAfter wait between an unanswered attempt and the next
 * @param ring       how long one attempt lets the citizen's phone ring
 * @param delay      how long after the reply is accepted the first call is placed
 * @param quiet      no call in these hours (the same quiet hours as the SMS): a call due then waits
 */
public record VoiceSurveyConfig(int attempts, Duration retryAfter, Duration ring, Duration delay, QuietHours quiet) {

    public VoiceSurveyConfig {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(quiet, "quiet");
        if (attempts < 0 || attempts > 10) {
            throw new IllegalArgumentException("voice survey attempts must be within 0..10, was " + attempts);
        }
        if (retryAfter.isNegative() || delay.isNegative() || ring.getSeconds() < 5 || ring.getSeconds() > 120) {
            throw new IllegalArgumentException("voice survey waits must not be negative and the ring time within 5..120 s");
        }
    }

    public boolean enabled() {
        return attempts > 0;
    }
}
