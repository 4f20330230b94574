package org.hotline.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the configuration once: defaults, then an optional properties file (HOTLINE_CONFIG_FILE,
 * keys named like the environment variables), then HOTLINE_* environment variables. Unknown
 * HOTLINE_* variables are refused, so a typo does not silently fall back to a default.
 */
public final class ConfigLoader {

    /** Demo password of the embedded default, documented in the README. */
    public static final String EMBEDDED_ADMIN_PASSWORD = "admin12345";

    private ConfigLoader() {
    }

    public static HotlineConfig fromEnvironment() {
        return load(System.getenv());
    }

    public static HotlineConfig load(Map<String, String> environment) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, setting.defaultValue());
        }
        String file = environment.get("HOTLINE_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            putAll(values, readFile(Path.of(file)));
        }
        Map<String, String> fromEnv = new HashMap<>(environment);
        fromEnv.keySet().removeIf(key -> !key.startsWith("HOTLINE_") || key.equals("HOTLINE_CONFIG_FILE"));
        putAll(values, fromEnv);
        return build(values);
    }

    private static void putAll(Map<Setting, String> values, Map<String, String> overrides) {
        overrides.forEach((key, value) -> {
            Setting setting = Arrays.stream(Setting.values()).filter(s -> s.name().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidConfigException(key, "unknown setting (see docs/configuration.md)"));
            values.put(setting, value.strip());
        });
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidConfigException("HOTLINE_CONFIG_FILE", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static HotlineConfig build(Map<Setting, String> v) {
        Path dataDir = Path.of(v.get(Setting.HOTLINE_DATA_DIR)).toAbsolutePath().normalize();
        var redis = new HotlineConfig.Redis(v.get(Setting.HOTLINE_REDIS_URI), fsync(v.get(Setting.HOTLINE_REDIS_FSYNC)),
                integer(v, Setting.HOTLINE_EMBEDDED_REDIS_PORT), Duration.ofMillis(longValue(v, Setting.HOTLINE_REDIS_COMMAND_TIMEOUT_MS)),
                Duration.ofDays(longValue(v, Setting.HOTLINE_ARCHIVE_CLOSED_AFTER_DAYS)),
                v.get(Setting.HOTLINE_ARCHIVE_DIR).isBlank() ? dataDir.resolve("archive")
                        : Path.of(v.get(Setting.HOTLINE_ARCHIVE_DIR)).toAbsolutePath().normalize());
        boolean embedded = redis.isEmbedded();
        var http = new HotlineConfig.Http(v.get(Setting.HOTLINE_HTTP_HOST), integer(v, Setting.HOTLINE_HTTP_PORT),
                longValue(v, Setting.HOTLINE_HTTP_BODY_LIMIT), new HotlineConfig.InFlight(integer(v, Setting.HOTLINE_MAX_IN_FLIGHT_INTAKE),
                integer(v, Setting.HOTLINE_MAX_IN_FLIGHT_QUERIES), integer(v, Setting.HOTLINE_MAX_IN_FLIGHT_API)),
                integer(v, Setting.HOTLINE_INTAKE_PER_ADDRESS), httpInstances(integer(v, Setting.HOTLINE_HTTP_INSTANCES)));
        var search = new HotlineConfig.Search(list(v.get(Setting.HOTLINE_ES_URLS)));
        var telephony = new HotlineConfig.Telephony(v.get(Setting.HOTLINE_AMI_HOST), integer(v, Setting.HOTLINE_AMI_PORT),
                v.get(Setting.HOTLINE_AMI_USERNAME), v.get(Setting.HOTLINE_AMI_SECRET), integer(v, Setting.HOTLINE_AGI_PORT),
                v.get(Setting.HOTLINE_AGI_BIND), v.get(Setting.HOTLINE_AGENT_INTERFACE), list(v.get(Setting.HOTLINE_QUEUES)),
                integer(v, Setting.HOTLINE_WRAP_UP_SECONDS), integer(v, Setting.HOTLINE_CALLBACKS_MAX),
                v.get(Setting.HOTLINE_RECORDINGS_DIR), list(v.get(Setting.HOTLINE_PAUSE_REASONS)));
        var auth = new HotlineConfig.Auth(jwtSecret(v, embedded, dataDir), adminPassword(v, embedded),
                longValue(v, Setting.HOTLINE_TOKEN_TTL_SECONDS));
        var link110 = new HotlineConfig.Link110(v.get(Setting.HOTLINE_LINK110_URL), v.get(Setting.HOTLINE_LINK110_SECRET));
        Optional<Path> seedDir = v.get(Setting.HOTLINE_SEED_DIR).isBlank() ? Optional.empty()
                : Optional.of(Path.of(v.get(Setting.HOTLINE_SEED_DIR)).toAbsolutePath().normalize());
        return new HotlineConfig(v.get(Setting.HOTLINE_NODE_ID), http, dataDir, seedDir, redis, search, telephony, auth, link110,
                cluster(v), embedded, dispatch(v), limits(v), sms(v), attachments(v, dataDir), new HotlineConfig.VoiceSurvey(
                        integer(v, Setting.HOTLINE_VOICE_SURVEY_ATTEMPTS), integer(v, Setting.HOTLINE_VOICE_SURVEY_RETRY_MINUTES),
                        integer(v, Setting.HOTLINE_VOICE_SURVEY_RING_SECONDS), integer(v, Setting.HOTLINE_VOICE_SURVEY_DELAY_MINUTES)));
    }

    private static HotlineConfig.Attachments attachments(Map<Setting, String> v, Path dataDir) {
        String folder = v.get(Setting.HOTLINE_ATTACHMENT_DIR);
        Path directory = folder.isBlank() ? dataDir.resolve("attachments") : Path.of(folder).toAbsolutePath().normalize();
        return new HotlineConfig.Attachments(directory, longValue(v, Setting.HOTLINE_ATTACHMENT_MAX_BYTES),
                integer(v, Setting.HOTLINE_ATTACHMENT_MAX_PER_TICKET));
    }

    private static HotlineConfig.Limits limits(Map<Setting, String> v) {
        return new HotlineConfig.Limits(integer(v, Setting.HOTLINE_INTAKE_PER_PHONE), list(v.get(Setting.HOTLINE_TRUSTED_PROXIES)),
                integer(v, Setting.HOTLINE_QUERY_CODE_FAILURES_PER_TICKET), integer(v, Setting.HOTLINE_QUERY_CODE_LOCK_MINUTES),
                integer(v, Setting.HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT), integer(v, Setting.HOTLINE_ACCOUNT_LOCK_MINUTES));
    }

    /** 0 means one HTTP server per available processor (the default); negative values are refused by the record. */
    private static int httpInstances(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }

    private static HotlineConfig.Sms sms(Map<Setting, String> v) {
        return new HotlineConfig.Sms(v.get(Setting.HOTLINE_SMPP_HOST), integer(v, Setting.HOTLINE_SMPP_PORT),
                v.get(Setting.HOTLINE_SMPP_SYSTEM_ID), v.get(Setting.HOTLINE_SMPP_PASSWORD), v.get(Setting.HOTLINE_SMPP_SOURCE_ADDRESS),
                integer(v, Setting.HOTLINE_SMPP_RATE_PER_SECOND), integer(v, Setting.HOTLINE_SMPP_WINDOW),
                time(v, Setting.HOTLINE_SMPP_QUIET_START), time(v, Setting.HOTLINE_SMPP_QUIET_END),
                v.get(Setting.HOTLINE_SMPP_PROGRESS_URL), integer(v, Setting.HOTLINE_SMPP_SURVEY_DELAY_MINUTES),
                integer(v, Setting.HOTLINE_SMPP_MAX_ATTEMPTS), integer(v, Setting.HOTLINE_SMPP_RETRY_SECONDS));
    }

    private static java.time.LocalTime time(Map<Setting, String> v, Setting setting) {
        try {
            return java.time.LocalTime.parse(v.get(setting).strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidConfigException(setting.name(), "must be a time of day like 21:00, was '" + v.get(setting) + "'");
        }
    }

    private static HotlineConfig.Dispatch dispatch(Map<Setting, String> v) {
        return new HotlineConfig.Dispatch(decimal(v, Setting.HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE),
                java.time.Duration.ofMinutes(longValue(v, Setting.HOTLINE_DISPATCH_HOTSPOT_WINDOW_MINUTES)),
                integer(v, Setting.HOTLINE_DISPATCH_HOTSPOT_THRESHOLD),
                java.time.Duration.ofDays(longValue(v, Setting.HOTLINE_DISPATCH_DUPLICATE_WINDOW_DAYS)),
                decimal(v, Setting.HOTLINE_DISPATCH_DUPLICATE_SIMILARITY), decimal(v, Setting.HOTLINE_DISPATCH_RETRAIN_CPU_SHARE));
    }

    private static double decimal(Map<Setting, String> v, Setting setting) {
        try {
            return Double.parseDouble(v.get(setting));
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(setting.name(), "must be a number, was '" + v.get(setting) + "'");
        }
    }

    private static HotlineConfig.Cluster cluster(Map<Setting, String> v) {
        HotlineConfig.ClusterMode mode = switch (v.get(Setting.HOTLINE_CLUSTER).toLowerCase()) {
            case "off" -> HotlineConfig.ClusterMode.OFF;
            case "hazelcast" -> HotlineConfig.ClusterMode.HAZELCAST;
            default -> throw new InvalidConfigException("HOTLINE_CLUSTER", "must be off or hazelcast, was '" + v.get(Setting.HOTLINE_CLUSTER) + "'");
        };
        return new HotlineConfig.Cluster(mode, v.get(Setting.HOTLINE_CLUSTER_NAME), v.get(Setting.HOTLINE_CLUSTER_HOST),
                integer(v, Setting.HOTLINE_CLUSTER_PORT), integer(v, Setting.HOTLINE_CLUSTER_BUS_PORT),
                list(v.get(Setting.HOTLINE_CLUSTER_MEMBERS)));
    }

    private static String adminPassword(Map<Setting, String> v, boolean embedded) {
        String password = v.get(Setting.HOTLINE_BOOTSTRAP_ADMIN_PASSWORD);
        if (!password.isBlank()) {
            if (password.length() < 8) {
                throw new InvalidConfigException("HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", "must be at least 8 characters");
            }
            return password;
        }
        if (!embedded) {
            throw new InvalidConfigException("HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", "is required when HOTLINE_REDIS_URI is set");
        }
        return EMBEDDED_ADMIN_PASSWORD;
    }

    /** Embedded mode keeps a generated key in the data dir so tokens survive a restart. */
    private static String jwtSecret(Map<Setting, String> v, boolean embedded, Path dataDir) {
        String secret = v.get(Setting.HOTLINE_JWT_SECRET);
        if (!secret.isBlank()) {
            return secret;
        }
        if (!embedded) {
            throw new InvalidConfigException("HOTLINE_JWT_SECRET", "is required when HOTLINE_REDIS_URI is set");
        }
        Path file = dataDir.resolve("secrets/jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return generated;
        } catch (IOException | UnsupportedOperationException e) {
            throw new InvalidConfigException("HOTLINE_DATA_DIR", "cannot keep the generated token key in " + file + ": " + e.getMessage());
        }
    }

    private static HotlineConfig.Fsync fsync(String value) {
        return switch (value.toLowerCase()) {
            case "everysec" -> HotlineConfig.Fsync.EVERYSEC;
            case "always" -> HotlineConfig.Fsync.ALWAYS;
            default -> throw new InvalidConfigException("HOTLINE_REDIS_FSYNC", "must be everysec or always, was '" + value + "'");
        };
    }

    private static int integer(Map<Setting, String> v, Setting setting) {
        return (int) longValue(v, setting);
    }

    private static long longValue(Map<Setting, String> v, Setting setting) {
        try {
            return Long.parseLong(v.get(setting));
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(setting.name(), "must be a whole number, was '" + v.get(setting) + "'");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
