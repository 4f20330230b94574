package org.hotline.telephony;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.DbPutAction;

/**
 * Agents' SIP phones (hardware, softphone or the console's soft phone bar) without a hand-written
 * endpoint per agent: when an agent logs in, the endpoint, its address-of-record and its digest
 * credentials are written over AMI into Asterisk's database (family {@code hotline-agents/<type>},
 * read by res_pjsip through docker/asterisk/sorcery.conf), then res_pjsip is reloaded so that the
 * new endpoint's registrations change its device state (the queue rings only registered, idle
 * phones). Log-ins arriving together share one reload.
 *
 * <p>The SIP password is not stored by the backend: it is derived from the AMI secret and the
 * endpoint name (HMAC-SHA256), so every server node gives the same answer and a new AMI secret
 * renews every agent's password at the next log-in.
 *
 * <p>Only when the agent interface is {@code PJSIP/{agent}}-shaped; other interfaces (the tests'
 * {@code Local/} agents) are left alone.
 */
public final class AgentPhones {

    static final String FAMILY = "hotline-agents/";
    private static final String PJSIP = "PJSIP/";
    /**
     * Settings of every agent endpoint (the same as pjsip.conf's [agent-endpoint] template). The
     * contact a phone registers is kept as given (rewrite_contact = no): seats are on the centre's
     * network, and a phone may register from another port than it answers on.
     */
    private static final JsonObject ENDPOINT = new JsonObject()
            .put("context", "hotline-agent").put("disallow", "all").put("allow", "alaw,ulaw,opus")
            .put("direct_media", "no").put("rtp_symmetric", "yes").put("force_rport", "yes")
            .put("rewrite_contact", "no").put("dtmf_mode", "auto");
    private static final long RELOAD_COALESCE_MS = 200;

    private final Vertx vertx;
    private final AmiGateway ami;
    private final TelephonyConfig config;
    private Promise<Void> pendingReload;

    public AgentPhones(Vertx vertx, AmiGateway ami, TelephonyConfig config) {
        this.vertx = vertx;
        this.ami = ami;
        this.config = config;
    }

    /** True when agents are PJSIP endpoints this class manages. */
    public boolean managed() {
        return config.interfaceOf("x").startsWith(PJSIP);
    }

    /** The endpoint (and SIP user name) of an agent: the agent interface without {@code PJSIP/}. */
    public String endpointOf(String agentId) {
        return config.interfaceOf(agentId).substring(PJSIP.length());
    }

    /** The agent's SIP digest password (see the class comment). */
    public String passwordOf(String agentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.amiSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("hotline-agent-sip:" + endpointOf(agentId)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What the agent's phone needs: {@code {username, password}}, empty when phones are not managed. */
    public JsonObject credentials(String agentId) {
        return managed() ? new JsonObject().put("username", endpointOf(agentId)).put("password", passwordOf(agentId))
                : new JsonObject();
    }

    /** Writes (or rewrites) the agent's endpoint, AOR and auth; completes once res_pjsip knows them. */
    public Future<Void> provision(String agentId) {
        if (!managed()) {
            return Future.succeededFuture();
        }
        String name = endpointOf(agentId);
        JsonObject endpoint = ENDPOINT.copy().put("aors", name).put("auth", name);
        JsonObject aor = new JsonObject().put("max_contacts", "1").put("remove_existing", "yes")
                .put("qualify_frequency", "30");
        JsonObject auth = new JsonObject().put("auth_type", "userpass").put("username", name)
                .put("password", passwordOf(agentId));
        List<Future<?>> puts = List.of(put("endpoint", name, endpoint), put("aor", name, aor), put("auth", name, auth));
        return Future.all(puts).compose(v -> reload());
    }

    private Future<?> put(String type, String name, JsonObject fields) {
        return ami.send(new DbPutAction(FAMILY + type, name, fields.encode()));
    }

    /** One res_pjsip reload for all the log-ins of the next 200 ms. */
    private synchronized Future<Void> reload() {
        if (pendingReload == null) {
            Promise<Void> reload = Promise.promise();
            pendingReload = reload;
            vertx.setTimer(RELOAD_COALESCE_MS, t -> {
                synchronized (this) {
                    pendingReload = null;
                }
                ami.send(new CommandAction("module reload res_pjsip.so")).<Void>mapEmpty().onComplete(reload);
            });
        }
        return pendingReload.future();
    }
}
