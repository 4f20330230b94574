package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskInstanceConfigTest {

    @TempDir
    Path dir;

    @Test
    void placeholdersAreReplacedAndOtherAtSignsAreLeftAlone() {
        String text = "exten => 1,1,Dial(PJSIP/${EXTEN}@carrier)\nHOTLINE_AGI = agi://127.0.0.1:@AGI_PORT@\n";

        String out = AsteriskInstanceConfig.substitute(text, Map.of("AGI_PORT", "41234"), dir);

        assertThat(out).contains("agi://127.0.0.1:41234").contains("${EXTEN}@carrier");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsName() {
        assertThatThrownBy(() -> AsteriskInstanceConfig.substitute("port = @AMI_PORTT@", Map.of("AMI_PORT", "1"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@AMI_PORTT@");
    }

    @Test
    void missingAsteriskAndManagerConfAreWrittenWithPrivateDirectoriesAndTheAmiUser() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("extensions.conf"), "[selftest]\n");
        Path etc = dir.resolve("etc");

        AsteriskInstanceConfig.write(config, etc, Map.of("AMI_PORT", "5999", "AMI_USER", "u", "AMI_SECRET", "s",
                "INSTANCE_DIR", "/var/lib/hotline-instances/x"), Map.of("extra.conf", "; @AMI_USER@"));

        assertThat(Files.readString(etc.resolve("asterisk.conf"))).contains("astrundir => /var/lib/hotline-instances/x/run");
        assertThat(Files.readString(etc.resolve("manager.conf"))).contains("port = 5999").contains("[u]").contains("secret = s");
        assertThat(Files.readString(etc.resolve("extra.conf"))).isEqualTo("; u");
        assertThat(etc.resolve("extensions.conf")).hasContent("[selftest]");
    }
}
