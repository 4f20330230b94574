package org.hotline.telephony;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the backend reaches Asterisk. An empty {@code amiHost} switches telephony off.
 *
 * @param amiHost           AMI host; empty = telephony off
 * @param amiPort           AMI port (Asterisk default 5038)
 * @param amiUsername       AMI user from manager.conf
 * @param amiSecret         AMI secret (from the environment; never printed)
 * @param agiPort           port of the backend's FastAGI server (dialplan: {@code agi://host:port/...})
 * @param agiBindAddress    address the FastAGI server listens on
 * @param workerPoolSize    threads of the named worker pool that runs blocking Asterisk-Java calls
 * @param actionTimeout     how long one AMI action may take
 * @param reconnectMaxDelay longest pause between two log-in attempts (back-off doubles up to it)
 * @param wrapUp            wrap-up after each call (agent paused with reason 话后整理); zero = none
 * @param queues            queue names of docker/asterisk/queues.conf, by skill
 * @param agentInterface    channel an agent is rung on; {@code {agent}} is replaced by the agent id
 * @param callbacksMax      bound of the missed-call callback list (the oldest entries drop off)
 * @param pauseReasons      the reasons an agent may give for 示忙 (pause); 话后整理 is the backend's own
 * @param recordingsDir     where this server reads Asterisk's recordings ({@code spool/monitor}, a shared
 *                          volume); empty: recordings are not served
 */
public record TelephonyConfig(String amiHost, int amiPort, String amiUsername, String amiSecret,
                              int agiPort, String agiBindAddress, int workerPoolSize,
                              Duration actionTimeout, Duration reconnectMaxDelay, Duration wrapUp,
                              List<String> queues, String agentInterface, int callbacksMax, String recordingsDir,
                              List<String> pauseReasons) {

    /** 示忙 reasons an agent may give unless the site sets its own (HOTLINE_PAUSE_REASONS). */
    public static final List<String> DEFAULT_PAUSE_REASONS = List.of("小休", "用餐", "培训", "会议", "整理工单");

    public static final List<String> DEFAULT_QUEUES = List.of("common", "enterprise", "dialect");

    public TelephonyConfig {
        amiHost = Objects.requireNonNullElse(amiHost, "");
        amiUsername = Objects.requireNonNullElse(amiUsername, "hotline");
        amiSecret = Objects.requireNonNullElse(amiSecret, "");
        agiBindAddress = Objects.requireNonNullElse(agiBindAddress, "127.0.0.1");
        actionTimeout = Objects.requireNonNullElse(actionTimeout, Duration.ofSeconds(10));
        reconnectMaxDelay = Objects.requireNonNullElse(reconnectMaxDelay, Duration.ofSeconds(30));
        wrapUp = Objects.requireNonNullElse(wrapUp, Duration.ofSeconds(15));
        queues = List.copyOf(Objects.requireNonNullElse(queues, DEFAULT_QUEUES));
        agentInterface = Objects.requireNonNullElse(agentInterface, "PJSIP/{agent}");
        recordingsDir = Objects.requireNonNullElse(recordingsDir, "");
        pauseReasons = List.copyOf(Objects.requireNonNullElse(pauseReasons, DEFAULT_PAUSE_REASONS));
        if (pauseReasons.isEmpty() || pauseReasons.contains(AgentBoard.WRAP_UP_REASON)) {
            throw new IllegalArgumentException("pauseReasons must list at least one reason and not " + AgentBoard.WRAP_UP_REASON);
        }
        if (callbacksMax < 1 || callbacksMax > 1_000_000) {
            throw new IllegalArgumentException("callbacksMax must be within 1..1000000, was " + callbacksMax);
        }
        requirePort("amiPort", amiPort);
        requirePort("agiPort", agiPort);
        if (workerPoolSize < 1 || workerPoolSize > 64) {
            throw new IllegalArgumentException("workerPoolSize must be within 1..64, was " + workerPoolSize);
        }
        if (actionTimeout.isNegative() || actionTimeout.isZero() || reconnectMaxDelay.isNegative() || wrapUp.isNegative()) {
            throw new IllegalArgumentException("telephony durations must be positive");
        }
        if (!agentInterface.contains("{agent}")) {
            throw new IllegalArgumentException("agentInterface must contain {agent}");
        }
    }

    /** The callback list's default bound and no recordings served. */
    public TelephonyConfig(String amiHost, int amiPort, String amiUsername, String amiSecret, int agiPort,
                           String agiBindAddress, int workerPoolSize, Duration actionTimeout, Duration reconnectMaxDelay,
                           Duration wrapUp, List<String> queues, String agentInterface) {
        this(amiHost, amiPort, amiUsername, amiSecret, agiPort, agiBindAddress, workerPoolSize, actionTimeout,
                reconnectMaxDelay, wrapUp, queues, agentInterface, RedisTelephonyStore.MAX_CALLBACKS, "", null);
    }

    /** Telephony off: no AMI host. */
    public static TelephonyConfig defaults() {
        return new TelephonyConfig("", 5038, null, null, 4573, null, 4, null, null, null, null, null);
    }

    /** Connects to an Asterisk; everything not named keeps its default (queues, timeouts, wrap-up, pool). */
    public static TelephonyConfig forAsterisk(String amiHost, int amiPort, String amiUsername, String amiSecret,
                                              int agiPort, String agiBindAddress, String agentInterface) {
        TelephonyConfig d = defaults();
        return new TelephonyConfig(amiHost, amiPort, amiUsername, amiSecret, agiPort, agiBindAddress, d.workerPoolSize(),
                d.actionTimeout(), d.reconnectMaxDelay(), d.wrapUp(), d.queues(), agentInterface);
    }

    /** Reads {@code amiHost, amiPort, amiUsername, amiSecret, agiPort, ...}; missing keys keep the defaults. */
    public static TelephonyConfig fromJson(JsonObject json) {
        TelephonyConfig d = defaults();
        return new TelephonyConfig(json.getString("amiHost", d.amiHost()), json.getInteger("amiPort", d.amiPort()),
                json.getString("amiUsername", d.amiUsername()), json.getString("amiSecret", d.amiSecret()),
                json.getInteger("agiPort", d.agiPort()), json.getString("agiBindAddress", d.agiBindAddress()),
                json.getInteger("workerPoolSize", d.workerPoolSize()),
                Duration.ofMillis(json.getLong("actionTimeoutMs", d.actionTimeout().toMillis())),
                Duration.ofMillis(json.getLong("reconnectMaxDelayMs", d.reconnectMaxDelay().toMillis())),
                Duration.ofSeconds(json.getLong("wrapUpSeconds", d.wrapUp().toSeconds())),
                json.containsKey("queues") ? json.getJsonArray("queues").stream().map(String::valueOf).toList() : d.queues(),
                json.getString("agentInterface", d.agentInterface()), json.getInteger("callbacksMax", d.callbacksMax()),
                json.getString("recordingsDir", d.recordingsDir()),
                json.containsKey("pauseReasons") ? json.getJsonArray("pauseReasons").stream().map(String::valueOf).toList()
                        : d.pauseReasons());
    }

    public boolean enabled() {
        return !amiHost.isBlank();
    }

    public String interfaceOf(String agentId) {
        return agentInterface.replace("{agent}", agentId);
    }

    @Override
    public String toString() {
        return "TelephonyConfig[ami=" + amiUsername + "@" + amiHost + ":" + amiPort + ", agiPort=" + agiPort
                + ", queues=" + queues + ", agentInterface=" + agentInterface + "]";
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be within 0..65535, was " + port);
        }
    }
}
