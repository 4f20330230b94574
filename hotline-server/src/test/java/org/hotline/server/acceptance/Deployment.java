package org.hotline.server.acceptance;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.linkage110.PeerProcess;
import org.hotline.server.cluster.ServerNode;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealAsterisk;
import org.hotline.testsupport.RealElasticsearch;
import org.hotline.testsupport.RealRedis;
import org.hotline.testsupport.ShippedAsterisk;
import org.hotline.testsupport.smsc.TestSmsc;

/**
 * Everything a production site runs, on loopback, each piece its own OS process: an external real
 * redis-server, Elasticsearch 8.19, Asterisk 22 on the shipped {@code docker/asterisk} configuration,
 * the 110 peer process, and two server nodes from the packaged jar clustered through Hazelcast.
 * The nodes get the same settings docker/docker-compose.yml gives its two servers (external Redis and
 * Elasticsearch, AMI, FastAGI, 110, Hazelcast), with loopback addresses and free ports, plus the
 * messaging to citizens compose has no center for ({@link #messagingSettings}): the test SMS center
 * (SMPP, its own JVM) and the automated voice survey, whose calls reach citizens through the carrier
 * trunk: nobody answers at its contact, except at {@link #surveyedCitizenPort} (a sipp phone when a test
 * starts one there).
 */
final class Deployment implements AutoCloseable {

    static final String ADMIN_PASSWORD = "acceptance-admin-pass";
    static final String STAFF_PASSWORD = "acceptance-staff-pass";
    private static final Path LOGS = Path.of("target", "acceptance");
    private static final String LINK110_SECRET = "acceptance-110-shared-secret";
    private static final String SMPP_PASSWORD = "acc-smpp";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final RealRedis redis;
    final RealElasticsearch elasticsearch;
    final RealAsterisk asterisk;
    /** The shipped SIP configuration's ports (the carrier trunk at {@link ShippedAsterisk#sipPort()}). */
    final ShippedAsterisk shipped;
    final PeerProcess peer110;
    /** The SMS center (SMPP) the nodes bind to; its records are the citizens' phones. */
    final TestSmsc smsc;
    /**
     * Where the carrier reaches {@link #SURVEYED_CITIZEN} alone (extensions_local.conf): the phone that
     * answers the voice survey is rung by that survey only, not by the other tickets' survey calls.
     */
    final int surveyedCitizenPort;
    static final String SURVEYED_CITIZEN = "13700000006";
    final ServerNode nodeA;
    final ServerNode nodeB;
    private final List<AutoCloseable> started = new ArrayList<>();

    private Deployment(RealRedis redis, RealElasticsearch elasticsearch, ShippedAsterisk shipped, PeerProcess peer110,
                       TestSmsc smsc, int surveyedCitizenPort, ServerNode nodeA, ServerNode nodeB) {
        this.smsc = smsc;
        this.surveyedCitizenPort = surveyedCitizenPort;
        this.redis = redis;
        this.elasticsearch = elasticsearch;
        this.shipped = shipped;
        this.asterisk = shipped.asterisk();
        this.peer110 = peer110;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
    }

    /** Starts every piece; node A first, which is trained from the history before node B joins (B loads the model from Redis). */
    static Deployment start(String historyNdjson) throws Exception {
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults());
        RealElasticsearch elasticsearch = RealElasticsearch.shared();
        wipeSearchIndices(elasticsearch.url());
        int agiPort = FreePort.pick();
        // the shipped configuration with its Mandarin prompts and music on hold, SIP and HTTP on free loopback ports
        int citizensPort = FreePort.pick(); // the shipped trunk's contact (pjsip_local.conf): nobody answers there
        int surveyedCitizenPort = FreePort.pick();
        ShippedAsterisk shipped = ShippedAsterisk.start(Path.of("..").toAbsolutePath().normalize(), agiPort, Map.of(
                "pjsip_local.conf", "[carrier-aor](+)\ncontact = sip:127.0.0.1:" + citizensPort + "\n",
                "extensions_local.conf", "[hotline-out]\nexten => " + SURVEYED_CITIZEN + ",1,Dial(PJSIP/carrier/sip:" + SURVEYED_CITIZEN
                        + "@127.0.0.1:" + surveyedCitizenPort + ",60)\n same => n,Hangup()\n"));
        RealAsterisk asterisk = shipped.asterisk();
        asterisk.cli("core waitfullybooted");
        PeerProcess peer110 = PeerProcess.start(LINK110_SECRET);
        TestSmsc smsc = TestSmsc.start(FreePort.pick(), SMPP_PASSWORD);
        int[] hazelcast = {FreePort.pick(), FreePort.pick()};
        String members = "127.0.0.1:" + hazelcast[0] + ",127.0.0.1:" + hazelcast[1];
        Map<String, String> common = commonSettings(redis.uri(), elasticsearch.url(), asterisk.amiHost(), asterisk.amiPort(),
                asterisk.amiUser(), asterisk.amiSecret(), peer110.exchangeUrl().toString(), members,
                // Asterisk's recordings, read by the servers as compose mounts them (read-only volume)
                asterisk.instanceDir().resolve("spool/monitor").toString());
        common.putAll(messagingSettings(smsc.port()));
        ServerNode nodeA = new ServerNode("node-a", nodeSettings(common, "node-a", hazelcast[0], agiPort), LOGS);
        ServerNode nodeB = new ServerNode("node-b", nodeSettings(common, "node-b", hazelcast[1], FreePort.pick()), LOGS);
        Deployment deployment = new Deployment(redis, elasticsearch, shipped, peer110, smsc, surveyedCitizenPort,
                nodeA, nodeB);
        deployment.started.addAll(List.<AutoCloseable>of(redis::stop, asterisk::stop, peer110, smsc));
        try {
            nodeA.start(Duration.ofMinutes(4));
            deployment.started.add(nodeA::stop);
            peer110.admin("/admin/hotline", new JsonObject().put("url", nodeA.url("/")));
            Client admin = deployment.login(nodeA, "admin", ADMIN_PASSWORD);
            admin.expect(200, "POST", "/api/v1/admin/history/import", "application/x-ndjson", historyNdjson);
            nodeB.start(Duration.ofMinutes(4));
            deployment.started.add(nodeB::stop);
            return deployment;
        } catch (Exception | AssertionError e) {
            deployment.close();
            throw e;
        }
    }

    /** The settings both nodes share: those docker/docker-compose.yml gives its servers (checked by {@link SameSettingsAsComposeTest}). */
    static Map<String, String> commonSettings(String redisUri, String elasticsearchUrl, String amiHost, int amiPort, String amiUser,
                                              String amiSecret, String link110Url, String clusterMembers, String recordingsDir) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("HOTLINE_REDIS_URI", redisUri), Map.entry("HOTLINE_ES_URLS", elasticsearchUrl),
                Map.entry("HOTLINE_AMI_HOST", amiHost), Map.entry("HOTLINE_AMI_PORT", Integer.toString(amiPort)),
                Map.entry("HOTLINE_AMI_USERNAME", amiUser), Map.entry("HOTLINE_AMI_SECRET", amiSecret),
                Map.entry("HOTLINE_RECORDINGS_DIR", recordingsDir),
                // one archive folder for both nodes, as compose's shared volume (closed tickets are read back from it)
                Map.entry("HOTLINE_ARCHIVE_DIR", LOGS.resolve("ticket-archive").toAbsolutePath().toString()),
                Map.entry("HOTLINE_JWT_SECRET", "acceptance-jwt-secret-0123456789-abcdefgh"),
                Map.entry("HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("HOTLINE_LINK110_URL", link110Url), Map.entry("HOTLINE_LINK110_SECRET", LINK110_SECRET),
                Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"), Map.entry("HOTLINE_CLUSTER", "hazelcast"),
                Map.entry("HOTLINE_CLUSTER_NAME", "acceptance-" + ProcessHandle.current().pid()),
                Map.entry("HOTLINE_CLUSTER_MEMBERS", clusterMembers)));
    }

    /**
     * SMS through the test center and the voice survey, at any hour (no quiet hours) and without waits:
     * one survey call, then the SMS survey.
     */
    static Map<String, String> messagingSettings(int smscPort) {
        return Map.of("HOTLINE_SMPP_HOST", "127.0.0.1", "HOTLINE_SMPP_PORT", Integer.toString(smscPort),
                "HOTLINE_SMPP_PASSWORD", SMPP_PASSWORD, "HOTLINE_SMPP_QUIET_START", "00:00", "HOTLINE_SMPP_QUIET_END", "00:00",
                "HOTLINE_VOICE_SURVEY_ATTEMPTS", "1", "HOTLINE_VOICE_SURVEY_RING_SECONDS", "10",
                "HOTLINE_VOICE_SURVEY_DELAY_MINUTES", "0", "HOTLINE_VOICE_SURVEY_RETRY_MINUTES", "0");
    }

    /** One node's settings: the common ones plus its own ports, data folder and name. */
    static Map<String, String> nodeSettings(Map<String, String> common, String id, int hazelcastPort, int agiPort) {
        Map<String, String> env = new HashMap<>(common);
        env.put("HOTLINE_NODE_ID", id);
        env.put("HOTLINE_HTTP_PORT", String.valueOf(FreePort.pick()));
        env.put("HOTLINE_CLUSTER_PORT", String.valueOf(hazelcastPort));
        env.put("HOTLINE_AGI_PORT", String.valueOf(agiPort));
        env.put("HOTLINE_DATA_DIR", LOGS.resolve(id + "-data").toAbsolutePath().toString());
        return env;
    }

    List<ServerNode> nodes() {
        return List.of(nodeA, nodeB);
    }

    /** A staff member's session on one node. */
    Client login(ServerNode node, String username, String password) throws Exception {
        HttpResponse<String> token = send(node, null, "POST", "/api/v1/auth/token", "application/json",
                new JsonObject().put("username", username).put("password", password).encode());
        if (token.statusCode() != 200) {
            throw new AssertionError("login of " + username + " on " + node.url("/") + ": " + token.statusCode() + " " + token.body());
        }
        return new Client(node, new JsonObject(token.body()).getString("token"));
    }

    /** Creates a staff account through the administrators' API and logs it in on {@code node}. */
    Client staff(ServerNode node, String username, String role, String departmentId) throws Exception {
        JsonObject user = new JsonObject().put("username", username).put("password", STAFF_PASSWORD).put("role", role)
                .put("displayName", username);
        if (departmentId != null) {
            user.put("departmentId", departmentId);
        }
        login(nodeA, "admin", ADMIN_PASSWORD).expect(201, "POST", "/api/v1/admin/users", "application/json", user.encode());
        return login(node, username, STAFF_PASSWORD);
    }

    static HttpResponse<String> send(ServerNode node, String token, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void wipeSearchIndices(String elasticsearch) throws Exception {
        HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_cat/indices/hotline-*?h=index"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        for (String index : listed.body().split("\\s+")) {
            if (!index.isBlank()) {
                HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping a piece of the deployment failed: " + e);
            }
        }
    }

    /** HTTP as one logged-in user (or an anonymous citizen) on one node. */
    record Client(ServerNode node, String token) {

        JsonObject get(String path) throws Exception {
            return expect(200, "GET", path, null, null);
        }

        JsonObject post(String path, JsonObject body) throws Exception {
            return expect(200, "POST", path, "application/json", body.encode());
        }

        JsonObject expect(int status, String method, String path, String contentType, String body) throws Exception {
            HttpResponse<String> response = send(node, token, method, path, contentType, body);
            if (response.statusCode() != status) {
                throw new AssertionError(method + " " + path + " on " + node.url("/") + " answered " + response.statusCode()
                        + " instead of " + status + ": " + response.body());
            }
            return response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
        }
    }
}
