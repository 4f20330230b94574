package org.hotline.core.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.hotline.core.attachment.AttachmentConfig;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.http.AttemptLimits;
import org.hotline.core.http.TrustedProxies;

/**
 * Settings of the service API.
 *
 * @param auth                    tokens and accounts
 * @param bodyLimitBytes          largest accepted request body (default 64 KiB; 413 above)
 * @param intakePerAddress        public appeals accepted per client address and {@code intakeWindow}
 * @param intakePerPhone          public appeals accepted per phone number and {@code phoneWindow}
 * @param intakeWindow            window of the per-address counter (default 1 min)
 * @param phoneWindow             window of the per-phone counter (default 1 h)
 * @param loginPerAddressPerMinute token requests per client address and minute (password guessing)
 * @param attempts                failed query codes per ticket and failed passwords per account
 * @param proxies                 peers whose forwarded-for headers name the client address
 * @param attachments             evidence files: folder and limits (default: a folder under the system's temporary
 *                                directory, for tests; the server always configures its own)
 */
public record ApiConfig(AuthConfig auth, long bodyLimitBytes, int intakePerAddress, int intakePerPhone,
                        Duration intakeWindow, Duration phoneWindow, int loginPerAddressPerMinute,
                        AttemptLimits attempts, TrustedProxies proxies, AttachmentConfig attachments) {

    public static final long DEFAULT_BODY_LIMIT = Problems.DEFAULT_BODY_LIMIT;
    public static final int DEFAULT_INTAKE_PER_ADDRESS = 30;
    public static final int DEFAULT_INTAKE_PER_PHONE = 10;
    public static final int DEFAULT_LOGIN_PER_ADDRESS = 30;

    public ApiConfig {
        Objects.requireNonNull(auth, "auth");
        if (bodyLimitBytes < 1024 || bodyLimitBytes > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("bodyLimitBytes must be between 1 KiB and 16 MiB");
        }
        if (intakePerAddress < 1 || intakePerPhone < 1 || loginPerAddressPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1");
        }
        intakeWindow = Objects.requireNonNullElse(intakeWindow, Duration.ofMinutes(1));
        phoneWindow = Objects.requireNonNullElse(phoneWindow, Duration.ofHours(1));
        attempts = Objects.requireNonNullElse(attempts, AttemptLimits.DEFAULTS);
        proxies = Objects.requireNonNullElse(proxies, TrustedProxies.none());
        attachments = Objects.requireNonNullElseGet(attachments,
            () -> AttachmentConfig.in(Path.of(System.getProperty("java.io.tmpdir"), "hotline-attachments")));
    }

    /** Default attempt limits, nobody trusted as a proxy. */
    public ApiConfig(AuthConfig auth, long bodyLimitBytes, int intakePerAddress, int intakePerPhone,
                     Duration intakeWindow, Duration phoneWindow, int loginPerAddressPerMinute) {
        this(auth, bodyLimitBytes, intakePerAddress, intakePerPhone, intakeWindow, phoneWindow, loginPerAddressPerMinute, null, null, null);
    }

    public ApiConfig withAttemptLimits(AttemptLimits limits) {
        return new ApiConfig(auth, bodyLimitBytes, intakePerAddress, intakePerPhone, intakeWindow, phoneWindow,
            loginPerAddressPerMinute, limits, proxies, attachments);
    }

    public ApiConfig withTrustedProxies(TrustedProxies trusted) {
        return new ApiConfig(auth, bodyLimitBytes, intakePerAddress, intakePerPhone, intakeWindow, phoneWindow,
            loginPerAddressPerMinute, attempts, trusted, attachments);
    }

    /** Defaults around the given auth settings. */
    public static ApiConfig of(AuthConfig auth) {
        return new ApiConfig(auth, DEFAULT_BODY_LIMIT, DEFAULT_INTAKE_PER_ADDRESS, DEFAULT_INTAKE_PER_PHONE,
            null, null, DEFAULT_LOGIN_PER_ADDRESS);
    }

    public ApiConfig withIntakeLimits(int perAddress, int perPhone) {
        return new ApiConfig(auth, bodyLimitBytes, perAddress, perPhone, intakeWindow, phoneWindow, loginPerAddressPerMinute,
            attempts, proxies, attachments);
    }

    public ApiConfig withAttachments(AttachmentConfig config) {
        return new ApiConfig(auth, bodyLimitBytes, intakePerAddress, intakePerPhone, intakeWindow, phoneWindow, loginPerAddressPerMinute,
            attempts, proxies, config);
    }

    public ApiConfig withBodyLimit(long bytes) {
        return new ApiConfig(auth, bytes, intakePerAddress, intakePerPhone, intakeWindow, phoneWindow, loginPerAddressPerMinute,
            attempts, proxies, attachments);
    }
}
