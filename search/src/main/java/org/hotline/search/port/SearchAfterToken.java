package org.hotline.search.port;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hotline.core.error.HotlineException;

/**
 * The opaque paging token: the last hit's sort key (one number: score or epoch millis) and its id.
 * Clients must not build it themselves, so a malformed token is a 400, not a server error.
 */
public record SearchAfterToken(double key, String ticketId) {

    public String encode() {
        String plain = Double.toString(key) + '|' + ticketId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static SearchAfterToken decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new SearchAfterToken(Double.parseDouble(plain.substring(0, bar)), plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw HotlineException.invalid("search.search-after", "searchAfter 参数无效");
        }
    }
}
