package org.hotline.telephony.sms;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the backend reaches the SMS center over SMPP 3.4 (one transceiver bind). An empty {@code host}
 * switches SMS off (the default).
 *
 * @param host           SMSC host; empty = SMS off
 * @param port           SMSC port (2775 is usual)
 * @param systemId       bind system_id the center gave us
 * @param password       bind password (from the environment; never printed)
 * @param sourceAddress  the number citizens see and reply to (e.g. 12345)
 * @param ratePerSecond  most submit_sm per second the center accepts
 * @param window         most submits waiting for their response at once
 * @param quiet          no message to a citizen in these hours (default 21:00–08:00)
 * @param progressUrl    the citizen's progress page; {number} and {queryCode} are filled in
 * @param surveyDelay    how long after the reply notice the survey question follows
 * @param responseTimeout how long one SMPP request may wait for its response
 * @param maxAttempts    submits the center may refuse before the message is given up
 * @param retryAfter     wait before the first resubmit; doubles each attempt, at most {@link #MAX_RETRY_WAIT}
 */
public record SmsConfig(String host, int port, String systemId, String password, String sourceAddress,
                        int ratePerSecond, int window, QuietHours quiet, String progressUrl, Duration surveyDelay,
                        Duration responseTimeout, int maxAttempts, Duration retryAfter) {

    public static final Duration MAX_RETRY_WAIT = Duration.ofHours(1);

    public SmsConfig {
        host = Objects.requireNonNullElse(host, "");
        systemId = Objects.requireNonNullElse(systemId, "hotline");
        password = Objects.requireNonNullElse(password, "");
        sourceAddress = Objects.requireNonNullElse(sourceAddress, "12345");
        quiet = Objects.requireNonNullElse(quiet, new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai")));
        progressUrl = Objects.requireNonNullElse(progressUrl, "");
        surveyDelay = Objects.requireNonNullElse(surveyDelay, Duration.ofHours(1));
        responseTimeout = Objects.requireNonNullElse(responseTimeout, Duration.ofSeconds(10));
        retryAfter = Objects.requireNonNullElse(retryAfter, Duration.ofSeconds(60));
        if (maxAttempts < 1 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("SMPP max attempts must be at least 1 and the retry wait not negative");
        }
        if (systemId.length() > 15 || password.length() > 8) {
            throw new IllegalArgumentException("SMPP 3.4 allows a system_id of at most 15 and a password of at most 8 characters");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMPP port must be within 1..65535, was " + port);
        }
        if (ratePerSecond < 1 || ratePerSecond > 10_000 || window < 1 || window > 512) {
            throw new IllegalArgumentException("SMPP rate must be within 1..10000 and window within 1..512");
        }
        if (surveyDelay.isNegative() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("SMPP durations must be positive");
        }
    }

    public static SmsConfig off() {
        return new SmsConfig("", 2775, null, null, null, 20, 10, null, null, null, null, 5, null);
    }

    /** The wait after the {@code attempt}-th refused submit (1, 2, ...): doubling, at most an hour. */
    public Duration retryWait(int attempt) {
        Duration wait = retryAfter.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
    }

    public boolean enabled() {
        return !host.isBlank();
    }

    @Override
    public String toString() {
        return "SmsConfig[host=" + host + ", port=" + port + ", systemId=" + systemId + ", password=***, rate="
                + ratePerSecond + "/s, window=" + window + ", quiet=" + quiet.start() + "–" + quiet.end() + "]";
    }
}
