package org.hotline.core.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Authentication settings.
 *
 * @param jwtSecret              HS256 key, at least 32 bytes; from the environment, never printed
 * @param tokenTtl               how long an issued token stays valid (default 8 h, one shift)
 * @param bootstrapAdminPassword password of the {@code admin} account created on first start when no
 *                               such account exists (null: no bootstrap); at least 8 characters
 * @param demoAccounts           accounts created on start for the embedded default only (one per role)
 */
public record AuthConfig(String jwtSecret, Duration tokenTtl, String bootstrapAdminPassword, List<UserAccount.New> demoAccounts) {

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(8);
    private static final Duration MAX_TOKEN_TTL = Duration.ofDays(7);

    public AuthConfig {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("jwtSecret must be at least 32 bytes");
        }
        tokenTtl = Objects.requireNonNullElse(tokenTtl, DEFAULT_TOKEN_TTL);
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("tokenTtl must be between 1 s and 7 days");
        }
        if (bootstrapAdminPassword != null && bootstrapAdminPassword.length() < 8) {
            throw new IllegalArgumentException("bootstrapAdminPassword must have at least 8 characters");
        }
        demoAccounts = demoAccounts == null ? List.of() : List.copyOf(demoAccounts);
    }

    public static AuthConfig of(String jwtSecret, String bootstrapAdminPassword) {
        return new AuthConfig(jwtSecret, null, bootstrapAdminPassword, List.of());
    }

    /** The secret never reaches logs or config dumps. */
    @Override
    public String toString() {
        return "AuthConfig[jwtSecret=***, tokenTtl=" + tokenTtl + ", bootstrapAdmin=" + (bootstrapAdminPassword != null)
            + ", demoAccounts=" + demoAccounts.size() + "]";
    }
}
