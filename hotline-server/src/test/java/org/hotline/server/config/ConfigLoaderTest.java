package org.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dataDir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void withoutSettingsTheServerRunsOnEmbeddedDefaults() {
        HotlineConfig config = ConfigLoader.load(env());

        assertThat(config.embedded()).isTrue();
        assertThat(config.redis().isEmbedded()).isTrue();
        assertThat(config.redis().fsync()).isEqualTo(HotlineConfig.Fsync.EVERYSEC);
        assertThat(config.search().isEmbedded()).isTrue();
        assertThat(config.telephony().enabled()).isFalse();
        assertThat(config.link110().enabled()).isFalse();
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.auth().bootstrapAdminPassword()).isEqualTo(ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
    }

    @Test
    void theRedisCommandTimeoutTheInFlightBoundsAndTheIntakeLimitAreSettings() {
        HotlineConfig defaults = ConfigLoader.load(env());
        HotlineConfig tuned = ConfigLoader.load(env("HOTLINE_REDIS_COMMAND_TIMEOUT_MS", "12000", "HOTLINE_MAX_IN_FLIGHT_INTAKE", "40",
                "HOTLINE_MAX_IN_FLIGHT_QUERIES", "4", "HOTLINE_MAX_IN_FLIGHT_API", "100"));

        assertThat(defaults.redis().commandTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(tuned.redis().commandTimeout()).isEqualTo(java.time.Duration.ofSeconds(12));
        assertThat(tuned.http().inFlight()).isEqualTo(new HotlineConfig.InFlight(40, 4, 100));
        assertThat(defaults.http().intakePerAddress()).isEqualTo(30);
        assertThat(ConfigLoader.load(env("HOTLINE_INTAKE_PER_ADDRESS", "5000")).http().intakePerAddress()).isEqualTo(5000);
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_REDIS_COMMAND_TIMEOUT_MS", "0")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_REDIS_COMMAND_TIMEOUT_MS");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_MAX_IN_FLIGHT_INTAKE", "-1")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_MAX_IN_FLIGHT_INTAKE");
    }

    @Test
    void thePhoneIntakeLimitTheAttemptLimitsAndTheTrustedProxiesAreSettings() {
        HotlineConfig defaults = ConfigLoader.load(env());
        HotlineConfig tuned = ConfigLoader.load(env("HOTLINE_INTAKE_PER_PHONE", "3", "HOTLINE_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7",
                "HOTLINE_QUERY_CODE_FAILURES_PER_TICKET", "4", "HOTLINE_QUERY_CODE_LOCK_MINUTES", "30",
                "HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT", "6", "HOTLINE_ACCOUNT_LOCK_MINUTES", "20"));

        assertThat(defaults.limits()).isEqualTo(new HotlineConfig.Limits(10, java.util.List.of(), 10, 60, 5, 15));
        assertThat(tuned.limits()).isEqualTo(new HotlineConfig.Limits(3, java.util.List.of("10.0.0.0/8", "192.168.1.7"), 4, 30, 6, 20));
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_TRUSTED_PROXIES", "10.0.0.0/33")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_TRUSTED_PROXIES");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_TRUSTED_PROXIES", "gateway.example")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_TRUSTED_PROXIES");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT", "0")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT");
    }

    @Test
    void embeddedModeKeepsTheGeneratedTokenKeyAcrossRestarts() {
        String first = ConfigLoader.load(env()).auth().jwtSecret();
        String second = ConfigLoader.load(env()).auth().jwtSecret();

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(dataDir.resolve("secrets/jwt-secret")).exists();
    }

    @Test
    void anExternalRedisRequiresAnExplicitTokenKeyAndAdminPassword() {
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_REDIS_URI", "redis://10.0.0.5:6379")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("HOTLINE_JWT_SECRET");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_REDIS_URI", "redis://10.0.0.5:6379",
                "HOTLINE_JWT_SECRET", "x".repeat(40))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("HOTLINE_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void aMisspelledVariableStopsTheStartInsteadOfFallingBackToADefault() {
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_REDIS_URL", "redis://x:1")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("HOTLINE_REDIS_URL")
                .hasMessageContaining("unknown setting");
    }

    @Test
    void badValuesNameTheSettingAtFault() {
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_HTTP_PORT", "eighty")))
                .hasMessageContaining("HOTLINE_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_HTTP_PORT", "70000")))
                .hasMessageContaining("HOTLINE_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_REDIS_FSYNC", "sometimes")))
                .hasMessageContaining("HOTLINE_REDIS_FSYNC");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_ES_URLS", "localhost:9200")))
                .hasMessageContaining("HOTLINE_ES_URLS");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_AMI_HOST", "127.0.0.1")))
                .hasMessageContaining("HOTLINE_AMI_USERNAME");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_LINK110_URL", "http://110.example", "HOTLINE_LINK110_SECRET", "short")))
                .hasMessageContaining("HOTLINE_LINK110_SECRET");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_QUEUES", "common,Bad Queue")))
                .hasMessageContaining("HOTLINE_QUEUES");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_WRAP_UP_SECONDS", "-5")))
                .hasMessageContaining("HOTLINE_WRAP_UP_SECONDS");
    }

    @Test
    void theVoiceSurveyIsOffByDefaultAndItsAttemptsAndRingTimeAreCheckedSettings() {
        assertThat(ConfigLoader.load(env()).voiceSurvey().enabled()).isFalse();

        HotlineConfig.VoiceSurvey site = ConfigLoader.load(env("HOTLINE_VOICE_SURVEY_ATTEMPTS", "3",
                "HOTLINE_VOICE_SURVEY_RETRY_MINUTES", "45", "HOTLINE_VOICE_SURVEY_RING_SECONDS", "25")).voiceSurvey();
        assertThat(site.enabled()).isTrue();
        assertThat(site.attempts()).isEqualTo(3);
        assertThat(site.retryMinutes()).isEqualTo(45);
        assertThat(site.ringSeconds()).isEqualTo(25);
        assertThat(site.delayMinutes()).isEqualTo(60);
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_VOICE_SURVEY_ATTEMPTS", "11")))
                .hasMessageContaining("HOTLINE_VOICE_SURVEY_ATTEMPTS");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_VOICE_SURVEY_RING_SECONDS", "2")))
                .hasMessageContaining("HOTLINE_VOICE_SURVEY_RING_SECONDS");
    }

    @Test
    void queueNamesAndWrapUpTimeAreSettings() {
        HotlineConfig.Telephony defaults = ConfigLoader.load(env()).telephony();
        assertThat(defaults.queues()).containsExactly("common", "enterprise", "dialect");
        assertThat(defaults.wrapUpSeconds()).isEqualTo(15);

        HotlineConfig.Telephony site = ConfigLoader.load(env("HOTLINE_QUEUES", "common,elderly", "HOTLINE_WRAP_UP_SECONDS", "30"))
                .telephony();
        assertThat(site.queues()).containsExactly("common", "elderly");
        assertThat(site.wrapUpSeconds()).isEqualTo(30);
    }

    @Test
    void dispatchPolicyDefaultsAreTypedAndCheckedAndNameTheSettingAtFault() {
        HotlineConfig.Dispatch defaults = ConfigLoader.load(env()).dispatch();
        assertThat(defaults.autoAssignConfidence()).isEqualTo(0.9);
        assertThat(defaults.hotSpotWindow()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(defaults.hotSpotThreshold()).isEqualTo(5);
        assertThat(defaults.duplicateWindow()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(defaults.duplicateSimilarity()).isEqualTo(0.35);
        assertThat(ConfigLoader.load(env("HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE", "0.8")).dispatch().autoAssignConfidence())
                .isEqualTo(0.8);
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE", "1.5")))
                .hasMessageContaining("HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_DISPATCH_DUPLICATE_SIMILARITY", "high")))
                .hasMessageContaining("HOTLINE_DISPATCH_DUPLICATE_SIMILARITY");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_DISPATCH_HOTSPOT_THRESHOLD", "1")))
                .hasMessageContaining("HOTLINE_DISPATCH_HOTSPOT_THRESHOLD");
        assertThatThrownBy(() -> ConfigLoader.load(env("HOTLINE_DISPATCH_HOTSPOT_WINDOW_MINUTES", "0")))
                .hasMessageContaining("HOTLINE_DISPATCH_HOTSPOT_WINDOW_MINUTES");
    }

    @Test
    void environmentOverridesTheConfigFile() throws Exception {
        Path file = dataDir.resolve("hotline.properties");
        Files.writeString(file, "HOTLINE_HTTP_PORT=9000\nHOTLINE_ES_URLS=http://es1:9200, http://es2:9200\n");

        HotlineConfig config = ConfigLoader.load(env("HOTLINE_CONFIG_FILE", file.toString(), "HOTLINE_HTTP_PORT", "9100"));

        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.search().elasticsearchUrls()).containsExactly("http://es1:9200", "http://es2:9200");
    }

    @Test
    void secretsNeverAppearWhenTheConfigurationIsPrinted() {
        HotlineConfig config = ConfigLoader.load(env("HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_USERNAME", "hotline",
                "HOTLINE_AMI_SECRET", "ami-secret-value", "HOTLINE_JWT_SECRET", "j".repeat(40),
                "HOTLINE_LINK110_URL", "http://110.example", "HOTLINE_LINK110_SECRET", "link-secret-value-123"));

        assertThat(config.toString()).doesNotContain("ami-secret-value", "j".repeat(40), "link-secret-value-123",
                ConfigLoader.EMBEDDED_ADMIN_PASSWORD);
    }
}
