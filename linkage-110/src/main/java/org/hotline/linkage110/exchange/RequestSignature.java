package org.hotline.linkage110.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange's request signature (docs/linkage-110.md, "Signing"): lowercase hex of
 * HMAC-SHA256(sharedSecret, METHOD \n PATH \n TIMESTAMP \n NONCE \n BODY), prefixed {@code v1=}.
 * PATH is the request path without host or query; BODY is the exact bytes sent (empty if none).
 */
public final class RequestSignature {

    public static final String PARTY = "X-Linkage-Party";
    public static final String TIMESTAMP = "X-Linkage-Timestamp";
    public static final String NONCE = "X-Linkage-Nonce";
    public static final String SIGNATURE = "X-Linkage-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String VERSION = "v1=";

    private final byte[] key;

    public RequestSignature(String sharedSecret) {
        this.key = sharedSecret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String method, String path, long timestampSeconds, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String head = method.toUpperCase() + "\n" + path + "\n" + timestampSeconds + "\n" + nonce + "\n";
            mac.update(head.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return VERSION + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** Compares in constant time so the signature cannot be guessed byte by byte from timings. */
    public boolean matches(String method, String path, long timestampSeconds, String nonce, byte[] body,
                           String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = sign(method, path, timestampSeconds, nonce, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
