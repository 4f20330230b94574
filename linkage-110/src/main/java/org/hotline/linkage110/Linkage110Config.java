package org.hotline.linkage110;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the 12345 side of the 110 exchange. The shared secret comes from the environment
 * ({@code HOTLINE_LINK110_SECRET}) and never prints: {@link #toString()} hides it.
 *
 * @param peerUrl         base URL of the 110 platform's exchange, e.g. {@code https://110.example/}
 * @param sharedSecret    HMAC-SHA256 key agreed with the 110 platform (at least 16 characters)
 * @param ourParty        party id we sign as ({@code 12345})
 * @param peerParty       party id the peer signs as ({@code 110})
 * @param timestampWindow how far a request's timestamp may be from our clock
 * @param requestTimeout  timeout of one delivery attempt
 * @param maxAttempts     delivery attempts before a message is parked
 * @param baseBackoff     delay before the second attempt; doubles per attempt, with jitter
 * @param maxBackoff      upper bound of the delay between attempts
 * @param pollInterval    how often the outbox looks for new and due messages
 * @param resultLimit     agreed time to report the handling result of a police order back to 110
 * @param policeLine      dial target of the 110 line used by live-call transfer and conference
 * @param consumerName    this instance's consumer name in the outbox consumer group
 */
public record Linkage110Config(
        URI peerUrl,
        String sharedSecret,
        String ourParty,
        String peerParty,
        Duration timestampWindow,
        Duration requestTimeout,
        int maxAttempts,
        Duration baseBackoff,
        Duration maxBackoff,
        Duration pollInterval,
        Duration resultLimit,
        String policeLine,
        String consumerName) {

    public Linkage110Config {
        Objects.requireNonNull(peerUrl, "peerUrl");
        if (!"http".equals(peerUrl.getScheme()) && !"https".equals(peerUrl.getScheme())) {
            throw new IllegalArgumentException("linkage110.peerUrl must be http(s): " + peerUrl);
        }
        if (sharedSecret == null || sharedSecret.length() < 16) {
            throw new IllegalArgumentException("linkage110.sharedSecret must have at least 16 characters");
        }
        requireText(ourParty, "ourParty");
        requireText(peerParty, "peerParty");
        requireText(policeLine, "policeLine");
        requireText(consumerName, "consumerName");
        requirePositive(timestampWindow, "timestampWindow");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(baseBackoff, "baseBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(resultLimit, "resultLimit");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("linkage110.maxAttempts must be at least 1");
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("linkage110.maxBackoff must not be below baseBackoff");
        }
    }

    /** Production defaults: 5 min window, 10 s per attempt, 12 attempts (about an hour), 24 h result limit. */
    public static Linkage110Config defaults(URI peerUrl, String sharedSecret) {
        return new Linkage110Config(peerUrl, sharedSecret, "12345", "110",
                Duration.ofMinutes(5), Duration.ofSeconds(10), 12,
                Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofMillis(500),
                Duration.ofHours(24), "Local/110@linkage-110", "linkage110-1");
    }

    /** A copy that dials {@code policeLine} for live calls and consumes streams as {@code consumerName}. */
    public Linkage110Config withLiveCalls(String newPoliceLine, String newConsumerName) {
        return new Linkage110Config(peerUrl, sharedSecret, ourParty, peerParty, timestampWindow, requestTimeout,
                maxAttempts, baseBackoff, maxBackoff, pollInterval, resultLimit, newPoliceLine, newConsumerName);
    }

    /** A copy with other retry settings (tests use short ones). */
    public Linkage110Config withRetry(Duration timeout, int attempts, Duration base, Duration max, Duration poll) {
        return new Linkage110Config(peerUrl, sharedSecret, ourParty, peerParty, timestampWindow,
                timeout, attempts, base, max, poll, resultLimit, policeLine, consumerName);
    }

    @Override
    public String toString() {
        return "Linkage110Config[peerUrl=" + peerUrl + ", sharedSecret=***, ourParty=" + ourParty
                + ", peerParty=" + peerParty + ", timestampWindow=" + timestampWindow
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + ", baseBackoff=" + baseBackoff + ", maxBackoff=" + maxBackoff
                + ", pollInterval=" + pollInterval + ", resultLimit=" + resultLimit
                + ", policeLine=" + policeLine + ", consumerName=" + consumerName + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("linkage110." + name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("linkage110." + name + " must be positive");
        }
    }
}
