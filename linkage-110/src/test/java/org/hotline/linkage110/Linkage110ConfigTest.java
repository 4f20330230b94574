package org.hotline.linkage110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class Linkage110ConfigTest {

    @Test
    void secretNeverPrints() {
        var config = Linkage110Config.defaults(URI.create("https://110.example/"), "a-very-secret-shared-key");

        assertThat(config.toString()).doesNotContain("a-very-secret-shared-key").contains("sharedSecret=***");
    }

    @Test
    void shortSecretOrNonHttpPeerIsRefusedBeforeStart() {
        assertThatThrownBy(() -> Linkage110Config.defaults(URI.create("https://110.example/"), "short"))
                .hasMessageContaining("sharedSecret");
        assertThatThrownBy(() -> Linkage110Config.defaults(URI.create("ftp://110.example/"), "a-very-secret-shared-key"))
                .hasMessageContaining("peerUrl");
    }
}
