package org.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    /** Regenerate with: ./mvnw -q -pl hotline-server exec:java -Dexec.mainClass=org.hotline.server.config.ConfigReference > docs/configuration.md */
    @Test
    void theCommittedConfigurationReferenceMatchesTheSettingsTheServerReads() throws Exception {
        Path committed = Path.of("..", "docs", "configuration.md");

        assertThat(Files.readString(committed)).isEqualTo(ConfigReference.markdown());
    }

    @Test
    void everySettingIsDocumented() {
        for (Setting setting : Setting.values()) {
            assertThat(ConfigReference.markdown()).contains("`" + setting.name() + "`");
        }
    }
}
