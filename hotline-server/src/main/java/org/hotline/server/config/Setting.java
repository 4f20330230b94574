package org.hotline.server.config;

/**
 * Every setting the server reads, with its default and meaning. The configuration reference in
 * docs/configuration.md is generated from this list ({@link ConfigReference}), so it cannot drift.
 */
public enum Setting {
    HOTLINE_HTTP_HOST("0.0.0.0", "Address the HTTP server binds to."),
    HOTLINE_HTTP_PORT("8080", "HTTP port (0 = any free port, printed in the startup log)."),
    HOTLINE_HTTP_INSTANCES("0", "HTTP server instances, each on its own event loop sharing the port (0 = one per available processor)."),
    HOTLINE_HTTP_BODY_LIMIT("65536", "Largest accepted request body in bytes on /api/v1 and /open311 (the history import has its own, larger limit)."),
    HOTLINE_INTAKE_PER_ADDRESS("30", "Web appeals accepted per client address and minute (429 above); raise it when citizens reach the server through one gateway address."),
    HOTLINE_INTAKE_PER_PHONE("10", "Web appeals accepted per caller phone number and hour (429 above), whatever address they come from."),
    HOTLINE_TRUSTED_PROXIES("", "Comma-separated CIDRs or addresses of reverse proxies / gateways whose X-Forwarded-For or Forwarded header names the client (e.g. 10.0.0.0/8). Every per-address limit and the sign-in audit entries use that client address. Empty: the socket's peer is the client and the headers are ignored."),
    HOTLINE_QUERY_CODE_FAILURES_PER_TICKET("10", "Wrong query codes for one ticket number, from any address, after which its citizens' lookup and rating answer 429 until the lock period is over."),
    HOTLINE_QUERY_CODE_LOCK_MINUTES("60", "Period, in minutes from the first wrong query code, over which wrong codes for a ticket count and its lock lasts."),
    HOTLINE_PASSWORD_FAILURES_PER_ACCOUNT("5", "Wrong passwords for one account, from any address, after which it cannot sign in (429 auth.account-locked) until the lock period is over or an administrator unlocks it."),
    HOTLINE_ACCOUNT_LOCK_MINUTES("15", "Period, in minutes from the first wrong password, over which wrong passwords count and an account's lock lasts."),
    HOTLINE_MAX_IN_FLIGHT_INTAKE("128", "Citizens' intake requests (POST /api/v1/appeals, POST /open311/...) handled at once; more are shed with 503 and Retry-After (nothing stored, retry with the same idempotency key)."),
    HOTLINE_MAX_IN_FLIGHT_QUERIES("16", "Search, report and dashboard requests handled at once; more are shed with 503 and Retry-After."),
    HOTLINE_MAX_IN_FLIGHT_API("256", "Every other /api, /open311 and /linkage request handled at once; more are shed with 503 and Retry-After. /health, /metrics and static files are never shed."),
    HOTLINE_NODE_ID("node-1", "This server process's name among several on one Redis: names its stream consumers, so keep it stable across restarts and unique per node."),
    HOTLINE_DATA_DIR("./data", "Where embedded Redis, the embedded search index and generated secrets live."),
    HOTLINE_SEED_DIR("", "Folder with departments.json, categories.json, time-limits.json and holidays/*.json replacing the built-in seed catalog (中原市). Empty: built-in."),
    HOTLINE_REDIS_URI("", "External Redis (redis://, rediss://, redis-sentinel://). Empty: start an embedded Redis under the data dir."),
    HOTLINE_REDIS_FSYNC("everysec", "AOF fsync of the embedded Redis: everysec (at most ~1 s lost on power loss) or always (nothing acknowledged is lost)."),
    HOTLINE_REDIS_COMMAND_TIMEOUT_MS("5000", "How long one Redis command may take before the request fails as unavailable (503); too short turns CPU starvation under load into 'Redis unavailable' while Redis is up."),
    HOTLINE_ARCHIVE_CLOSED_AFTER_DAYS("30", "Days after its close a ticket leaves Redis for the archive (still read by the API; search and reports keep it); 0 = closed tickets stay in Redis."),
    HOTLINE_ARCHIVE_DIR("", "Folder of the archive of closed tickets (one file each, fsynced). Empty: the data dir's archive folder. Several nodes: shared storage."),
    HOTLINE_EMBEDDED_REDIS_PORT("0", "Port of the embedded Redis (0 = any free port)."),
    HOTLINE_ES_URLS("", "Comma-separated Elasticsearch 8.19 node URLs. Empty: embedded Lucene index under the data dir (one node only: required when HOTLINE_CLUSTER is on)."),
    HOTLINE_AMI_HOST("", "Asterisk manager host. Empty: telephony off."),
    HOTLINE_AMI_PORT("5038", "Asterisk manager port."),
    HOTLINE_AMI_USERNAME("", "Asterisk manager user."),
    HOTLINE_AMI_SECRET("", "Asterisk manager secret (secret, never printed)."),
    HOTLINE_AGI_PORT("4573", "Port of the FastAGI server the dialplan calls (0 = any free port)."),
    HOTLINE_AGI_BIND("127.0.0.1", "Address the FastAGI server binds to: 0.0.0.0 when Asterisk runs on another host or container."),
    HOTLINE_AGENT_INTERFACE("PJSIP/{agent}", "Channel an agent's phone is rung on; {agent} is replaced by the agent's user name."),
    HOTLINE_QUEUES("common,enterprise,dialect", "Comma-separated skill queues agents log into; each must be a queue of docker/asterisk/queues.conf (the dialplan routes 12345, 123452, 123453 to the shipped three)."),
    HOTLINE_CALLBACKS_MAX("10000", "Bound of the missed-call callback list: beyond it the oldest entries drop off the list (their call records stay)."),
    HOTLINE_PAUSE_REASONS("小休,用餐,培训,会议,整理工单", "Comma-separated reasons an agent may give for 示忙 (pause); anything else is refused with 400. 话后整理 is the wrap-up's own and cannot be listed."),
    HOTLINE_ATTACHMENT_DIR("", "Folder of evidence files (citizens' photos, departments' photos and PDFs). Empty: attachments/ under HOTLINE_DATA_DIR. With several nodes, one shared mount (NFS, CephFS) at this path on every node; back it up with the Redis data (descriptions live in Redis)."),
    HOTLINE_ATTACHMENT_MAX_BYTES("10485760", "Largest evidence file in bytes (JPEG, PNG, WebP or PDF, recognised from the bytes); larger uploads are refused with a Chinese 400."),
    HOTLINE_ATTACHMENT_MAX_PER_TICKET("20", "Evidence files one ticket may hold (citizens' photos and departments' files together); more are refused with 422."),
    HOTLINE_RECORDINGS_DIR("", "Directory where the server reads Asterisk's call recordings (its spool/monitor, shared with the asterisk container). Empty: recordings are not served (404)."),
    HOTLINE_WRAP_UP_SECONDS("15", "话后整理: seconds an agent is paused after each call before being offered the next one (0 = none)."),
    HOTLINE_JWT_SECRET("", "HMAC key for access tokens, at least 32 characters (secret). Required with an external Redis; embedded mode generates one under the data dir."),
    HOTLINE_TOKEN_TTL_SECONDS("28800", "Lifetime of an access token in seconds (default 8 h, one shift); logout, a password change or a disabled account ends it earlier on every node."),
    HOTLINE_BOOTSTRAP_ADMIN_PASSWORD("", "Password of the 'admin' account created on first start (secret). Required with an external Redis; embedded mode uses the demo password in the README."),
    HOTLINE_LINK110_URL("", "Base URL of the 110 platform's exchange endpoint. Empty: 110 system push off."),
    HOTLINE_LINK110_SECRET("", "Shared HMAC key with the 110 platform, at least 16 characters (secret)."),
    HOTLINE_SMPP_HOST("", "SMS center (SMPP 3.4) host for receipts, reply notices, SMS return visits and deadline notices to duty phones. Empty: SMS off."),
    HOTLINE_SMPP_PORT("2775", "SMS center port."),
    HOTLINE_SMPP_SYSTEM_ID("hotline", "SMPP bind system_id the SMS center gave the hotline (one transceiver bind), at most 15 characters."),
    HOTLINE_SMPP_PASSWORD("", "SMPP bind password, at most 8 characters as SMPP 3.4 allows (secret, never printed)."),
    HOTLINE_SMPP_SOURCE_ADDRESS("12345", "The number citizens see and reply to."),
    HOTLINE_SMPP_RATE_PER_SECOND("20", "Most messages submitted per second: the throughput the SMS center grants."),
    HOTLINE_SMPP_WINDOW("10", "Most submits awaiting the center's response at once (the SMPP window)."),
    HOTLINE_SMPP_QUIET_START("21:00", "Start of the quiet hours (Beijing time): no message to a citizen until HOTLINE_SMPP_QUIET_END; queued ones wait."),
    HOTLINE_SMPP_QUIET_END("08:00", "End of the quiet hours (Beijing time); equal to the start: no quiet hours."),
    HOTLINE_SMPP_PROGRESS_URL("", "Citizen's progress page in receipts and reply notices; {number} and {queryCode} are filled in."),
    HOTLINE_SMPP_SURVEY_DELAY_MINUTES("60", "Minutes between the reply notice and the SMS return-visit question."),
    HOTLINE_SMPP_MAX_ATTEMPTS("5", "Submits of one message the SMS center may refuse before it is given up (one 'failed' event on the ticket; listed in GET /api/sms/stats)."),
    HOTLINE_SMPP_RETRY_SECONDS("60", "Wait before the first resubmit of a refused message; doubles each attempt, at most an hour."),
    HOTLINE_VOICE_SURVEY_ATTEMPTS("0", "Automated voice survey (语音回访): calls to the citizen once a reply is accepted before it falls back to the SMS survey and the agents' 待回访 list (0 = voice survey off, at most 10; needs telephony). Calls keep the SMS quiet hours."),
    HOTLINE_VOICE_SURVEY_RETRY_MINUTES("30", "Minutes between an unanswered survey call and the next attempt."),
    HOTLINE_VOICE_SURVEY_RING_SECONDS("30", "Seconds one survey call rings before it counts as unanswered (5-120)."),
    HOTLINE_VOICE_SURVEY_DELAY_MINUTES("60", "Minutes between the accepted reply and the first survey call."),
    HOTLINE_CLUSTER("off", "Clustered event bus across server nodes: off (one process) or hazelcast (screen pops and dashboard updates reach every node; TCP/IP join, no multicast); requires HOTLINE_ES_URLS, since every node must search the same index."),
    HOTLINE_CLUSTER_NAME("hotline", "Hazelcast cluster name: nodes join only a cluster of the same name, so two installations on one network stay apart."),
    HOTLINE_CLUSTER_HOST("127.0.0.1", "Address this node binds to and announces to the others (Hazelcast and the event bus): the node's own IP or host name when nodes run on several hosts."),
    HOTLINE_CLUSTER_PORT("5701", "Hazelcast member port of this node."),
    HOTLINE_CLUSTER_BUS_PORT("0", "Event-bus port of this node (0 = any free port, announced through Hazelcast); fix it when a firewall sits between nodes."),
    HOTLINE_CLUSTER_MEMBERS("", "Comma-separated host:port Hazelcast members to join (this node may be listed too). Empty with hazelcast: only this node's own address."),
    HOTLINE_DISPATCH_AUTO_ASSIGN_CONFIDENCE("0.9", "Classifier confidence (0 to 1] from which a ticket is assigned without a dispatcher: the policy served at /api/v1/dispatch/policy until an administrator stores one."),
    HOTLINE_DISPATCH_HOTSPOT_WINDOW_MINUTES("120", "How far back, in minutes, tickets of one category in one district count towards a hot spot."),
    HOTLINE_DISPATCH_HOTSPOT_THRESHOLD("5", "Tickets within the hot-spot window that make a hot spot (at least 2)."),
    HOTLINE_DISPATCH_DUPLICATE_WINDOW_DAYS("7", "How far back, in days, a ticket is searched for possible duplicates."),
    HOTLINE_DISPATCH_DUPLICATE_SIMILARITY("0.35", "Text similarity (0 to 1] from which an earlier ticket is shown as a possible duplicate."),
    HOTLINE_DISPATCH_RETRAIN_CPU_SHARE("0.1", "Share (0 to 1] of one core the classifier's retraining from the closed-ticket corpus may use: after a run that took t, the next waits t x (1 - share) / share (at least a minute)."),
    HOTLINE_LOG_FORMAT("console", "Log layout: console (readable lines) or json (ECS JSON lines for log collectors).");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return description.contains("(secret");
    }
}
