package org.hotline.linkage110.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 110 side's own implementation of the signing rule in docs/linkage-110.md, written from the
 * document rather than shared with the main code, so a drift between the two shows up in tests.
 */
final class PeerSigning {

    private final byte[] key;
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();

    PeerSigning(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String method, String path, long timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String head = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n";
            byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(all));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns null when the request is admitted, else the HTTP status to refuse it with. */
    Integer verify(String party, String method, String path, String timestamp, String nonce, byte[] body,
                   String signature) {
        if (!"12345".equals(party) || nonce == null || timestamp == null || signature == null) {
            return 401;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return 401;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - ts) > 300) {
            return 401;
        }
        byte[] expected = sign(method, path, ts, nonce, body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            return 401;
        }
        return seenNonces.add(nonce) ? null : 409;
    }
}
