package org.hotline.telephony;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.RealAsterisk;
import org.hotline.testsupport.RealRedis;
import org.hotline.testsupport.ShippedAsterisk;

/**
 * A real Asterisk 22 running the project's docker/asterisk configuration, real Redis, and the
 * telephony verticle deployed against both. By default calls are placed by a second AMI connection,
 * the "phone network", with Local/ channels, and agents ring as auto-answering Local/ channels; with
 * {@link #SIP_AGENTS} agents are PJSIP endpoints and tests place real SIP calls with sipp
 * ({@link org.hotline.testsupport.Sipp}) on {@link #sipPort()}.
 */
final class TelephonyTestBed implements AutoCloseable {

    static final Path REPO_ROOT = Path.of("..");
    static final Path CONFIG_DIR = REPO_ROOT.resolve("docker/asterisk");
    /** Agents as the shipped configuration has them: PJSIP endpoints named after the agent. */
    static final String SIP_AGENTS = "PJSIP/{agent}";
    static final String LOCAL_AGENTS = "Local/{agent}@hotline-sim-agents/n";
    /** Ticket the fake progress lookup knows: 12345-20261122-000123, keyed without dashes. */
    static final String KNOWN_TICKET_DIGITS = "1234520261122000123";

    final ShippedAsterisk shipped;
    final RealAsterisk asterisk;
    final Vertx vertx = Vertx.vertx();
    final RedisClient redisClient;
    final StatefulRedisConnection<String, String> redis;
    final TelephonyVerticle telephony;
    ManagerConnection phoneNetwork;

    TelephonyTestBed() throws Exception {
        this(LOCAL_AGENTS);
    }

    TelephonyTestBed(String agentInterface) throws Exception {
        this(agentInterface, Map.of());
    }

    /** {@code extraFiles}: e.g. a pjsip_local.conf giving the carrier trunk a contact to call citizens back on. */
    TelephonyTestBed(String agentInterface, Map<String, String> extraFiles) throws Exception {
        int agiPort = FreePort.pick();
        shipped = ShippedAsterisk.start(REPO_ROOT, agiPort, extraFiles);
        asterisk = shipped.asterisk();
        // AMI answers before the dialplan and channel drivers are loaded; an Originate then fails.
        asterisk.cli("core waitfullybooted");
        redisClient = RedisClient.create(RealRedis.shared().uri());
        redis = redisClient.connect();
        TelephonyConfig config = new TelephonyConfig(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(),
                asterisk.amiSecret(), agiPort, "127.0.0.1", 4, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ZERO, null, agentInterface);
        telephony = new TelephonyVerticle(config, redis.async(), (phone, limit) -> Future.succeededFuture(
                new io.vertx.core.json.JsonArray().add(new JsonObject().put("number", "12345-20261101-000007"))),
                digits -> Future.succeededFuture(KNOWN_TICKET_DIGITS.equals(digits)
                        ? Optional.of(new TicketProgressLookup.Progress("12345-20261122-000123", "HANDLING"))
                        : Optional.empty()),
                Clock.systemUTC());
        await(vertx.deployVerticle(telephony));
        await(telephony.whenConnected());
        phoneNetwork = new ManagerConnectionFactory(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(),
                asterisk.amiSecret()).createManagerConnection();
        phoneNetwork.login();
    }

    /** Asterisk's SIP port on 127.0.0.1 (trunk and agents' phones). */
    int sipPort() {
        return shipped.sipPort();
    }

    /** The test's own AMI connection does not outlive an Asterisk restart: open a new one. */
    void reconnectPhoneNetwork() throws Exception {
        try {
            phoneNetwork.logoff();
        } catch (IllegalStateException alreadyGone) {
            // dropped with the old Asterisk process
        }
        phoneNetwork = new ManagerConnectionFactory(asterisk.amiHost(), asterisk.amiPort(), asterisk.amiUser(),
                asterisk.amiSecret()).createManagerConnection();
        phoneNetwork.login();
    }

    /** A citizen calls {@code number} from {@code caller}; {@code callerSide} is an exten of [hotline-sim-caller]. */
    ManagerResponse call(String number, String caller, String callerSide, Map<String, String> variables) throws Exception {
        OriginateAction o = new OriginateAction();
        o.setChannel("Local/" + number + "@hotline-in");
        o.setContext("hotline-sim-caller");
        o.setExten(callerSide);
        o.setPriority(1);
        o.setCallerId(caller);
        o.setAsync(true);
        o.setTimeout(30_000L);
        if (!variables.isEmpty()) {
            o.setVariables(variables);
        }
        return phoneNetwork.sendAction(o, 10_000);
    }

    List<Map<String, String>> callRecordsOf(String callId) {
        return redis.sync().xrange(org.hotline.core.stream.RedisKeys.CALL_RECORDS, io.lettuce.core.Range.create("-", "+"))
                .stream().map(m -> m.getBody()).filter(b -> callId.equals(b.get("callId"))).toList();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** The first message published on {@code address} that matches, within the timeout. */
    CompletableFuture<JsonObject> next(String address, java.util.function.Predicate<JsonObject> match) {
        CompletableFuture<JsonObject> result = new CompletableFuture<>();
        var consumer = vertx.eventBus().<JsonObject>consumer(address);
        consumer.handler(m -> {
            if (match.test(m.body()) && result.complete(m.body())) {
                consumer.unregister();
            }
        });
        await0(consumer.completion());
        return result.orTimeout(45, TimeUnit.SECONDS);
    }

    private static void await0(Future<?> f) {
        try {
            await(f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (phoneNetwork != null) {
            try {
                phoneNetwork.logoff();
            } catch (IllegalStateException alreadyGone) {
                // not connected any more
            }
        }
        await(vertx.close());
        redis.close();
        redisClient.shutdown();
        asterisk.stop();
    }
}
