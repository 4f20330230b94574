package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import org.hotline.core.api.TicketOperations;
import org.hotline.core.app.TicketService;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.linkage110.Linkage110;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.api.Linkage110Routes;
import org.hotline.linkage110.transfer.TicketOperationsIntake;
import org.hotline.server.config.HotlineConfig;

/** The 12345 ↔ 110 exchange: signed push both ways through a durable outbox, transfer lists, live-call actions. */
public final class Linkage110Module implements Module {

    static final String POLICE_LINE = "110";

    private final Vertx vertx;
    private final Linkage110 linkage;

    public Linkage110Module(Vertx vertx, HotlineConfig.Link110 config, String nodeId, RedisAsyncCommands<String, String> redis,
                            TicketService tickets, Clock clock) {
        this.vertx = vertx;
        Linkage110Config d = Linkage110Config.defaults(URI.create(config.peerUrl()), config.sharedSecret());
        // Telephony dials digits through [hotline-out], where 110 reaches the police line.
        Linkage110Config linkageConfig = new Linkage110Config(d.peerUrl(), d.sharedSecret(), d.ourParty(), d.peerParty(),
                d.timestampWindow(), d.requestTimeout(), d.maxAttempts(), d.baseBackoff(), d.maxBackoff(),
                d.pollInterval(), d.resultLimit(), POLICE_LINE, "linkage110-" + nodeId);
        this.linkage = new Linkage110(vertx, redis, linkageConfig,
                new TicketOperationsIntake(TicketOperations.of(tickets)), clock);
    }

    @Override
    public String name() {
        return "link110";
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
