package org.hotline.dispatch.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One valid line of a history import: a closed ticket of the previous system. Optional fields are
 * null when absent; {@code appealType} is the enum name of core's AppealType when recognised.
 */
public record HistoryLine(int lineNumber, String title, String content, String category, String department,
        String district, String appealType, Instant receivedAt, Instant closedAt) {

    public HistoryLine {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(category, "category");
    }

    /**
     * Same ticket, same fingerprint: re-importing a file neither duplicates tickets in search nor
     * counts twice in training. The line number is left out on purpose.
     */
    public String fingerprint() {
        String identity = String.join("\u0001", title, content, category, String.valueOf(receivedAt));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JRE", impossible);
        }
    }
}
