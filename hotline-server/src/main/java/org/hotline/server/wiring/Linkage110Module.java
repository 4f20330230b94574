package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import org.hotline.core.app.IntakeAdvice;
import org.hotline.core.app.TicketOperations;
import org.hotline.linkage110.lists.EmergencyDetector;
import org.hotline.linkage110.transfer.Direction;
import java.util.List;
import java.util.Optional;
import org.hotline.core.app.TicketService;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.api.Linkage110Routes;
import org.hotline.linkage110.transfer.TicketOperationsIntake;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.health.DependencyCheck;

/** The 12345 ↔ 110 exchange: signed push both ways through a durable outbox, transfer lists, live-call actions. */
public final class Linkage110Module implements Module {

    static final String POLICE_LINE = "110";
    static final String CALL_110_ADVICE = "如有生命危险或正在发生的违法犯罪，请立即拨打110。您反映的情况已同时推送110处置。";

    private final Vertx vertx;
    private final Linkage110 linkage;
    private final URI peer;
    private final NetClient probe;

    public Linkage110Module(Vertx vertx, HotlineConfig.Link110 config, String nodeId, RedisAsyncCommands<String, String> redis,
                            TicketService tickets, Clock clock) {
        this.vertx = vertx;
        this.peer = URI.create(config.peerUrl());
        this.probe = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1_000));
        // Telephony dials digits through [hotline-out], where 110 reaches the police line.
        Linkage110Config linkageConfig = Linkage110Config.defaults(URI.create(config.peerUrl()), config.sharedSecret())
                .withLiveCalls(POLICE_LINE, "linkage110-" + nodeId);
        TicketOperationsIntake ticketPipeline = new TicketOperationsIntake(TicketOperations.of(tickets));
        this.linkage = new Linkage110(vertx, redis, linkageConfig, ticketPipeline, ticketPipeline, clock);
    }

    @Override
    public String name() {
        return "link110";
    }

    /**
     * Citizens whose web appeal names a 110 matter are told at once to call 110 if life is in danger;
     * the appeal itself is pushed to 110 by the web appeal screener.
     */
    public IntakeAdvice intakeAdvice() {
        EmergencyDetector detector = new EmergencyDetector();
        return (title, content) -> linkage.lists().current(Direction.TO_110)
                .map(list -> detector.check(list, title, content).police() ? Optional.of(CALL_110_ADVICE) : Optional.empty());
    }

    /**
     * Listed in /health (not required: a 110 outage must not stop intake, the outbox keeps what it
     * could not deliver): UP while the 110 platform's exchange endpoint accepts a connection.
     */
    @Override
    public List<DependencyCheck> checks() {
        int port = peer.getPort() > 0 ? peer.getPort() : "https".equals(peer.getScheme()) ? 443 : 80;
        return List.of(DependencyCheck.of("link110", false, () -> probe.connect(port, peer.getHost())
                .compose(socket -> socket.close().map("peer " + peer + " accepts connections"))));
    }

    @Override
    public Future<Void> start() {
        return linkage.seedLists()
                .compose(v -> vertx.deployVerticle(linkage.outboxVerticle()))
                .compose(id -> vertx.deployVerticle(linkage.ticketResultWatcher()))
                .compose(id -> vertx.deployVerticle(linkage.webAppealScreener()))
                .mapEmpty();
    }

    /** The exchange endpoints for 110 (/linkage/v1/...) check HMAC signatures, not tokens. */
    @Override
    public void mount(Router router) {
        Linkage110Routes.mount(router, linkage,
                Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN),
                Authenticated.require(Role.ADMIN));
    }
}
