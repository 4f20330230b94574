package org.hotline.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole server's configuration, loaded once at start (see {@link ConfigLoader}) and validated
 * before any port opens. Module-specific records are derived from it in the wiring code.
 *
 * @param embedded true when no external Redis is configured: the server starts its own Redis and
 *                 creates the demo accounts documented in the README
 */
public record HotlineConfig(
        String nodeId,
        Http http,
        Path dataDir,
        Optional<Path> seedDir,
        Redis redis,
        Search search,
        Telephony telephony,
        Auth auth,
        Link110 link110,
        Cluster cluster,
        boolean embedded,
        Dispatch dispatch,
        Limits limits,
        Sms sms,
        Attachments attachments, VoiceSurvey voiceSurvey) {

    public HotlineConfig {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new InvalidConfigException("HOTLINE_NODE_ID", "must be 1-64 letters, digits, '.', '_' or '-', was '" + nodeId + "'");
        }
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(seedDir, "seedDir");
        seedDir.filter(dir -> !java.nio.file.Files.isDirectory(dir)).ifPresent(dir -> {
            throw new InvalidConfigException("HOTLINE_SEED_DIR", "is not a folder: " + dir);
        });
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(telephony, "telephony");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(link110, "link110");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(attachments, "attachments");
        if (cluster.enabled() && search.isEmbedded()) {
            // each node's embedded index would hold only what that node indexed: search and reports would disagree
            throw new InvalidConfigException("HOTLINE_ES_URLS", "is required when HOTLINE_CLUSTER is on: the embedded search index"
                    + " is per node, so several nodes need one shared Elasticsearch (set HOTLINE_ES_URLS or HOTLINE_CLUSTER=off)");
        }
    }

    /** Dispatch policy defaults (HOTLINE_DISPATCH_*): confidence and similarity in (0, 1], windows positive. */
    public record Dispatch(double autoAssignConfidence, java.time.Duration hotSpotWindow, int hotSpotThreshold,
                           java.time.Duration duplicateWindow, double duplicateSimilarity, double retrainShare) {
        public Dispatch {
            ConfigChecks.fraction("HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE", autoAssignConfidence);
            ConfigChecks.positive("HOTLINE_DISPATCH_HOTSPOT_WINDOW_MINUTES", hotSpotWindow.toMinutes());
            if (hotSpotThreshold < 2) {
                throw new InvalidConfigException("HOTLINE_DISPATCH_HOTSPOT_THRESHOLD", "must be at least 2, was " + hotSpotThreshold);
            }
            ConfigChecks.positive("HOTLINE_DISPATCH_DUPLICATE_WINDOW_DAYS", duplicateWindow.toDays());
            ConfigChecks.fraction("HOTLINE_DISPATCH_DUPLICATE_SIMILARITY", duplicateSimilarity);
            ConfigChecks.fraction("HOTLINE_DISPATCH_RETRAIN_CPU_SHARE", retrainShare);
        }
    }

    /**
     * Guessing and flooding limits beyond the per-address ones, and whose forwarded-for headers name the client:
     * web appeals per phone and hour, wrong query codes per ticket and wrong passwords per account (each
     * within its lock period in minutes), trusted proxies as CIDRs.
     */
    public record Limits(int intakePerPhone, List<String> trustedProxies, int queryCodeFailuresPerTicket, int queryCodeLockMinutes,
                         int passwordFailuresPerAccount, int accountLockMinutes) {
        public Limits {
            ConfigChecks.positive("HOTLINE_INTAKE_PER_PHONE", intakePerPhone);
            ConfigChecks.positive("HOTLINE_QUERY_CODE_FAILURES_PER_TICKET", queryCodeFailuresPerTicket);
            ConfigChecks.positive("HOTLINE_QUERY_CODE_LOCK_MINUTES", queryCodeLockMinutes);
            ConfigChecks.positive("HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT", passwordFailuresPerAccount);
            ConfigChecks.positive("HOTLINE_ACCOUNT_LOCK_MINUTES", accountLockMinutes);
            trustedProxies = List.copyOf(trustedProxies);
            try {
                org.hotline.core.http.TrustedProxies.of(trustedProxies);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("HOTLINE_TRUSTED_PROXIES", e.getMessage());
            }
        }
    }

    /** Evidence files (HOTLINE_ATTACHMENT_*): the folder (every node's shared mount) and the size and count limits. */
    public record Attachments(Path directory, long maxBytes, int maxPerTicket) {
        public Attachments {
            Objects.requireNonNull(directory, "directory");
            if (maxBytes < 1024 || maxBytes > 100L * 1024 * 1024) {
                throw new InvalidConfigException("HOTLINE_ATTACHMENT_MAX_BYTES", "must be between 1024 and 104857600, was " + maxBytes);
            }
            if (maxPerTicket < 1 || maxPerTicket > 200) {
                throw new InvalidConfigException("HOTLINE_ATTACHMENT_MAX_PER_TICKET", "must be between 1 and 200, was " + maxPerTicket);
            }
        }
    }

    /** HTTP listener. {@code bodyLimitBytes} caps every request body; {@code inFlight} bounds work per route class;
     * {@code intakePerAddress} limits web appeals per client address and minute; {@code instances} HTTP servers
     * share the port, each on its own event loop (0 in the setting: one per available processor). */
    public record Http(String host, int port, long bodyLimitBytes, InFlight inFlight, int intakePerAddress, int instances) {
        public Http {
            ConfigChecks.positive("HOTLINE_HTTP_INSTANCES", instances);
            ConfigChecks.positive("HOTLINE_INTAKE_PER_ADDRESS", intakePerAddress);
            ConfigChecks.port("HOTLINE_HTTP_PORT", port, true);
            ConfigChecks.positive("HOTLINE_HTTP_BODY_LIMIT", bodyLimitBytes);
            ConfigChecks.notBlank("HOTLINE_HTTP_HOST", host);
            Objects.requireNonNull(inFlight, "inFlight");
        }
    }

    /** Requests handled at once per route class before the server sheds (503 + Retry-After). */
    public record InFlight(int intake, int queries, int api) {
        public InFlight {
            ConfigChecks.positive("HOTLINE_MAX_IN_FLIGHT_INTAKE", intake);
            ConfigChecks.positive("HOTLINE_MAX_IN_FLIGHT_QUERIES", queries);
            ConfigChecks.positive("HOTLINE_MAX_IN_FLIGHT_API", api);
        }
    }

    /**
     * Redis: an external URI, or (uri empty) an embedded Redis under dataDir/redis.
     * {@code fsync} is AOF appendfsync for the embedded server: everysec (default) or always;
     * {@code commandTimeout} bounds each command, external or embedded; {@code closedRetention} how long a closed
     * ticket stays in Redis before it moves to the file archive under {@code archiveDir} (zero: it stays).
     */
    public record Redis(String uri, Fsync fsync, int embeddedPort, Duration commandTimeout, Duration closedRetention,
                        java.nio.file.Path archiveDir) {
        public Redis {
            Objects.requireNonNull(fsync, "fsync");
            Objects.requireNonNull(archiveDir, "archiveDir");
            if (closedRetention.isNegative()) {
                throw new InvalidConfigException("HOTLINE_ARCHIVE_CLOSED_AFTER_DAYS", "must not be negative");
            }
            ConfigChecks.positive("HOTLINE_REDIS_COMMAND_TIMEOUT_MS", commandTimeout.toMillis());
            if (!uri.isBlank() && !uri.matches("^(redis|rediss|redis-sentinel|redis-socket)://.+")) {
                throw new InvalidConfigException("HOTLINE_REDIS_URI",
                        "must start with redis://, rediss://, redis-sentinel:// or redis-socket://");
            }
            ConfigChecks.port("HOTLINE_EMBEDDED_REDIS_PORT", embeddedPort, true);
        }

        public boolean isEmbedded() {
            return uri.isBlank();
        }

        public boolean archivesClosedTickets() {
            return !closedRetention.isZero();
        }
    }

    /** AOF fsync policy: everysec loses at most about a second on power loss, always loses nothing. */
    public enum Fsync { EVERYSEC, ALWAYS }

    /** Search backend: Elasticsearch nodes, or (empty) an embedded Lucene index under dataDir/search. */
    public record Search(List<String> elasticsearchUrls) {
        public Search {
            elasticsearchUrls = List.copyOf(elasticsearchUrls);
            elasticsearchUrls.forEach(url -> ConfigChecks.httpUrl("HOTLINE_ES_URLS", url));
        }

        public boolean isEmbedded() {
            return elasticsearchUrls.isEmpty();
        }
    }

    /** Asterisk manager and FastAGI; telephony is off while {@code amiHost} is empty. */
    public record Telephony(String amiHost, int amiPort, String amiUsername, String amiSecret, int agiPort, String agiBindAddress,
                            String agentInterface, List<String> queues, int wrapUpSeconds, int callbacksMax,
                            String recordingsDir, List<String> pauseReasons) {
        public Telephony {
            pauseReasons = List.copyOf(pauseReasons);
            if (pauseReasons.isEmpty() || pauseReasons.contains("话后整理") || pauseReasons.stream().anyMatch(r -> r.isBlank() || r.length() > 16)) {
                throw new InvalidConfigException("HOTLINE_PAUSE_REASONS",
                        "must list 示忙 reasons of 1-16 characters, not 话后整理 (the wrap-up's own), was " + pauseReasons);
            }
            if (callbacksMax < 1 || callbacksMax > 1_000_000) {
                throw new InvalidConfigException("HOTLINE_CALLBACKS_MAX", "must be within 1..1000000, was " + callbacksMax);
            }
            queues = List.copyOf(queues);
            if (queues.isEmpty() || queues.stream().anyMatch(q -> !q.matches("[a-z][a-z0-9_-]{0,31}"))) {
                throw new InvalidConfigException("HOTLINE_QUEUES",
                        "must list queue names of queues.conf (lowercase letters, digits, - or _), was " + queues);
            }
            if (wrapUpSeconds < 0 || wrapUpSeconds > 600) {
                throw new InvalidConfigException("HOTLINE_WRAP_UP_SECONDS", "must be within 0..600, was " + wrapUpSeconds);
            }
            ConfigChecks.port("HOTLINE_AMI_PORT", amiPort, false);
            ConfigChecks.port("HOTLINE_AGI_PORT", agiPort, true);
            ConfigChecks.notBlank("HOTLINE_AGI_BIND", agiBindAddress);
            if (!agentInterface.contains("{agent}")) {
                throw new InvalidConfigException("HOTLINE_AGENT_INTERFACE", "must contain {agent}, was '" + agentInterface + "'");
            }
            if (!amiHost.isBlank() && (amiUsername.isBlank() || amiSecret.isBlank())) {
                throw new InvalidConfigException("HOTLINE_AMI_USERNAME",
                        "HOTLINE_AMI_USERNAME and HOTLINE_AMI_SECRET are required when HOTLINE_AMI_HOST is set");
            }
        }

        public boolean enabled() {
            return !amiHost.isBlank();
        }

        @Override
        public String toString() {
            return "Telephony[amiHost=" + amiHost + ", amiPort=" + amiPort + ", amiUsername=" + amiUsername
                    + ", amiSecret=***, agiPort=" + agiPort + ", agiBindAddress=" + agiBindAddress + ", agentInterface=" + agentInterface + ", queues=" + queues
                    + ", wrapUpSeconds=" + wrapUpSeconds + "]";
        }
    }

    /** The SMS center (HOTLINE_SMPP_*); SMS is off while {@code host} is empty. The password never prints. */
    public record Sms(String host, int port, String systemId, String password, String sourceAddress, int ratePerSecond,
                      int window, java.time.LocalTime quietStart, java.time.LocalTime quietEnd, String progressUrl,
                      int surveyDelayMinutes, int maxAttempts, int retrySeconds) {
        public Sms {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new InvalidConfigException("HOTLINE_SMPP_MAX_ATTEMPTS", "must be within 1..100, was " + maxAttempts);
            }
            if (retrySeconds < 0 || retrySeconds > 3_600) {
                throw new InvalidConfigException("HOTLINE_SMPP_RETRY_SECONDS", "must be within 0..3600, was " + retrySeconds);
            }
            ConfigChecks.port("HOTLINE_SMPP_PORT", port, false);
            if (ratePerSecond < 1 || ratePerSecond > 10_000) {
                throw new InvalidConfigException("HOTLINE_SMPP_RATE_PER_SECOND", "must be within 1..10000, was " + ratePerSecond);
            }
            if (window < 1 || window > 512) {
                throw new InvalidConfigException("HOTLINE_SMPP_WINDOW", "must be within 1..512, was " + window);
            }
            // SMPP 3.4 C-Octet strings: system_id at most 15 characters, password at most 8
            if (systemId.isBlank() || systemId.length() > 15) {
                throw new InvalidConfigException("HOTLINE_SMPP_SYSTEM_ID", "must be 1-15 characters (SMPP 3.4 system_id)");
            }
            if (password.length() > 8) {
                throw new InvalidConfigException("HOTLINE_SMPP_PASSWORD", "must be at most 8 characters (SMPP 3.4 password)");
            }
            if (surveyDelayMinutes < 0) {
                throw new InvalidConfigException("HOTLINE_SMPP_SURVEY_DELAY_MINUTES", "must not be negative, was " + surveyDelayMinutes);
            }
            if (!host.isBlank() && !sourceAddress.matches("\\d{3,20}")) {
                throw new InvalidConfigException("HOTLINE_SMPP_SOURCE_ADDRESS", "must be 3-20 digits, was '" + sourceAddress + "'");
            }
            if (!progressUrl.isBlank()) {
                ConfigChecks.httpUrl("HOTLINE_SMPP_PROGRESS_URL", progressUrl.replace("{number}", "n").replace("{queryCode}", "c"));
            }
        }

        public boolean enabled() {
            return !host.isBlank();
        }

        @Override
        public String toString() {
            return "Sms[host=" + host + ", port=" + port + ", systemId=" + systemId + ", password=***, rate=" + ratePerSecond
                    + "/s, window=" + window + ", quiet=" + quietStart + "-" + quietEnd + "]";
        }
    }

    /** The automated voice survey (HOTLINE_VOICE_SURVEY_*); off while {@code attempts} is 0. */
    public record VoiceSurvey(int attempts, int retryMinutes, int ringSeconds, int delayMinutes) {
        public VoiceSurvey {
            if (attempts < 0 || attempts > 10) {
                throw new InvalidConfigException("HOTLINE_VOICE_SURVEY_ATTEMPTS", "must be within 0..10, was " + attempts);
            }
            if (retryMinutes < 0 || retryMinutes > 24 * 60) {
                throw new InvalidConfigException("HOTLINE_VOICE_SURVEY_RETRY_MINUTES", "must be within 0..1440, was " + retryMinutes);
            }
            if (ringSeconds < 5 || ringSeconds > 120) {
                throw new InvalidConfigException("HOTLINE_VOICE_SURVEY_RING_SECONDS", "must be within 5..120, was " + ringSeconds);
            }
            if (delayMinutes < 0) {
                throw new InvalidConfigException("HOTLINE_VOICE_SURVEY_DELAY_MINUTES", "must not be negative, was " + delayMinutes);
            }
        }

        public boolean enabled() {
            return attempts > 0;
        }
    }

    /** Token signing and the first administrator's password. Secrets never print. */
    public record Auth(String jwtSecret, String bootstrapAdminPassword, long tokenTtlSeconds) {
        public Auth {
            if (jwtSecret.length() < 32) {
                throw new InvalidConfigException("HOTLINE_JWT_SECRET", "must be at least 32 characters");
            }
            ConfigChecks.positive("HOTLINE_TOKEN_TTL_SECONDS", tokenTtlSeconds);
        }

        @Override
        public String toString() {
            return "Auth[jwtSecret=***, bootstrapAdminPassword=***, tokenTtlSeconds=" + tokenTtlSeconds + "]";
        }
    }

    /** The 110 platform's endpoint and the shared signing key; linkage is off while the URL is empty. */
    public record Link110(String peerUrl, String sharedSecret) {
        public Link110 {
            if (!peerUrl.isBlank()) {
                ConfigChecks.httpUrl("HOTLINE_LINK110_URL", peerUrl);
                if (sharedSecret.length() < 16) {
                    throw new InvalidConfigException("HOTLINE_LINK110_SECRET",
                            "must be at least 16 characters when HOTLINE_LINK110_URL is set");
                }
            }
        }

        public boolean enabled() {
            return !peerUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Link110[peerUrl=" + peerUrl + ", sharedSecret=***]";
        }
    }

    /**
     * The clustered event bus. {@code members} are Hazelcast {@code host:port} addresses joined over
     * TCP/IP (multicast is never used: it crosses into neighbours' clusters on shared networks).
     */
    public record Cluster(ClusterMode mode, String name, String host, int port, int busPort, List<String> members) {
        public Cluster {
            Objects.requireNonNull(mode, "mode");
            ConfigChecks.notBlank("HOTLINE_CLUSTER_NAME", name);
            ConfigChecks.notBlank("HOTLINE_CLUSTER_HOST", host);
            ConfigChecks.port("HOTLINE_CLUSTER_PORT", port, false);
            ConfigChecks.port("HOTLINE_CLUSTER_BUS_PORT", busPort, true);
            members = List.copyOf(members);
            members.forEach(member -> {
                if (!member.matches("[A-Za-z0-9_.-]+(:\\d{1,5})?")) {
                    throw new InvalidConfigException("HOTLINE_CLUSTER_MEMBERS", "must be host or host:port, was '" + member + "'");
                }
            });
        }

        public boolean enabled() {
            return mode != ClusterMode.OFF;
        }
    }

    /** Cluster managers the server knows; more (Infinispan, ...) would be added here. */
    public enum ClusterMode { OFF, HAZELCAST }
}
