package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CompactTextTest {

    private static final String SNAPSHOT = "{\"schema\":\"ticket.v1\",\"id\":\"f6a16cd3-9e9f-4702-b50d-a329cc05210f\","
            + "\"number\":\"12345-20261208-000033\",\"status\":\"SIGNED\",\"title\":\"人民路占道经营扰民\","
            + "\"content\":\"市民反映某某小区东门附近晚上有商贩占道经营，油烟和噪音扰民。\",\"location\":{\"district\":null,"
            + "\"street\":null,\"community\":null,\"address\":null,\"lat\":null,\"lon\":null},\"reply\":null,\"visit\":null}";

    @Test
    void aSnapshotComesBackExactlyAndShorter() {
        String stored = CompactText.compact(SNAPSHOT);
        assertThat(stored).startsWith("~1");
        assertThat(stored.length()).isLessThan(SNAPSHOT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 2 / 3);
        assertThat(CompactText.expand(stored)).isEqualTo(SNAPSHOT);
    }

    @Test
    void textWrittenBeforeCompactionIsReadAsItIs() {
        assertThat(CompactText.expand(SNAPSHOT)).isEqualTo(SNAPSHOT);
        assertThat(CompactText.expand("1|TicketSigned|2026-12-08T00:56:42Z|{}")).isEqualTo("1|TicketSigned|2026-12-08T00:56:42Z|{}");
        assertThat(CompactText.expand(null)).isNull();
    }

    @Test
    void aTextThatWouldNotShrinkIsKeptAsItIs() {
        assertThat(CompactText.compact("{}")).isEqualTo("{}");
    }

    @Test
    void aDamagedCompactTextIsRefusedNotMisread() {
        String stored = CompactText.compact(SNAPSHOT);
        assertThatThrownBy(() -> CompactText.expand(stored.substring(0, stored.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Marker ~1 means this dictionary forever: data in Redis was compacted against it. A new one gets ~2. */
    @Test
    void dictionaryOneNeverChanges() throws Exception {
        try (InputStream in = CompactText.class.getResourceAsStream("compact-dictionary-1.txt")) {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertThat(digest).isEqualTo("e19bd18676ffb6b0ceecb7a8b639d52e6d424dbc8001c7234520af88de44a9d6");
        }
    }
}
