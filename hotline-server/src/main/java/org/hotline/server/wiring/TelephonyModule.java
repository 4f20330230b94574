package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.core.api.Problems;
import org.hotline.core.app.TicketService;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.core.model.Command;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.health.DependencyCheck;
import org.hotline.telephony.CallerHistory;
import org.hotline.telephony.TelephonyConfig;
import org.hotline.telephony.TicketCallLinks;
import org.hotline.telephony.TelephonyRoutes;
import org.hotline.telephony.TelephonyVerticle;
import org.hotline.telephony.TicketProgressLookup;

/**
 * Calls through Asterisk: AMI + FastAGI, queues, agents, call records, screen pop. Its HTTP routes
 * live under {@code /api/telephony/}; the server puts the token check and role rules in front of
 * them, and an agent may only act as itself.
 */
public final class TelephonyModule implements Module {

    private static final int SCREEN_POP_TICKETS = 10;

    private final Vertx vertx;
    private final TelephonyVerticle telephony;
    private final Handler<RoutingContext> authentication;

    public TelephonyModule(Vertx vertx, HotlineConfig.Telephony config,
                           RedisAsyncCommands<String, String> redis, TicketService tickets,
                           Handler<RoutingContext> authentication, Clock clock) {
        this.vertx = vertx;
        this.authentication = authentication;
        TelephonyConfig d = TelephonyConfig.defaults();
        TelephonyConfig telephonyConfig = new TelephonyConfig(config.amiHost(), config.amiPort(), config.amiUsername(),
                config.amiSecret(), config.agiPort(), config.agiBindAddress(), d.workerPoolSize(), d.actionTimeout(),
                d.reconnectMaxDelay(), Duration.ofSeconds(config.wrapUpSeconds()), config.queues(), config.agentInterface(),
                config.callbacksMax(), config.recordingsDir(), config.pauseReasons());
        this.telephony = new TelephonyVerticle(telephonyConfig, redis, callerHistory(tickets), progressLookup(tickets),
                ticketLinks(tickets), clock);
    }

    @Override
    public String name() {
        return "telephony";
    }

    /** The AMI log-in retries with back-off on its own: an Asterisk that is down does not stop the server. */
    @Override
    public Future<Void> start() {
        return vertx.deployVerticle(telephony).mapEmpty();
    }

    @Override
    public void mount(Router router) {
        router.route("/api/telephony/*").failureHandler(Problems.failureHandler());
        router.route("/api/telephony/*").handler(authentication)
                .handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN));
        router.route("/api/telephony/agents/:agentId/*").handler(TelephonyModule::agentActsAsItself);
        router.route("/api/telephony/blocked-numbers*").handler(Authenticated.require(Role.ADMIN));
        TelephonyRoutes.mount(router, telephony);
    }

    @Override
    public List<DependencyCheck> checks() {
        return List.of(DependencyCheck.of("telephony", false, () -> telephony.connected()
                ? Future.succeededFuture("AMI connected") : Future.failedFuture("AMI not connected (retrying)")));
    }

    private static void agentActsAsItself(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        if (actor.role() == Role.AGENT && !actor.userId().equals(ctx.pathParam("agentId"))) {
            ctx.fail(HotlineException.forbidden("telephony.other-agent", "坐席只能操作自己的分机"));
        } else {
            ctx.next();
        }
    }

    /** Screen pop: the caller's latest tickets, open ones flagged so the agent's client can highlight them. */
    static CallerHistory callerHistory(TicketService tickets) {
        return (phone, limit) -> tickets.ofCaller(phone, Math.min(limit, SCREEN_POP_TICKETS)).map(list -> {
            JsonArray array = new JsonArray();
            for (Ticket ticket : list) {
                array.add(new JsonObject().put("id", ticket.id().value()).put("number", ticket.number().value())
                        .put("status", ticket.status().name()).put("open", ticket.status().isOpen())
                        .put("title", ticket.title()).put("receivedAt", ticket.receivedAt().toString()));
            }
            return array;
        });
    }

    /** The ticket's side of a link made from telephony; a call the ticket already lists is fine. */
    static TicketCallLinks ticketLinks(TicketService tickets) {
        return (ticketId, callId, actor) -> tickets.apply(new TicketId(ticketId), new Command.LinkCall(callId), actor)
                .<Void>mapEmpty().recover(failure -> failure instanceof HotlineException e
                        && "ticket.call-already-linked".equals(e.code()) ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    /**
     * A caller keys the number's digits without the dashes: 12345 + date + sequence (19 digits), or
     * date + sequence (14 digits).
     */
    static TicketProgressLookup progressLookup(TicketService tickets) {
        return digits -> numberFromDigits(digits)
                .map(number -> tickets.findByNumber(number).map(found -> found.map(
                        ticket -> new TicketProgressLookup.Progress(ticket.number().value(), ticket.status().name()))))
                .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    }

    static Optional<String> numberFromDigits(String digits) {
        if (digits == null) {
            return Optional.empty();
        }
        String d = digits.startsWith("12345") && digits.length() == 19 ? digits.substring(5) : digits;
        if (!d.matches("\\d{14}")) {
            return Optional.empty();
        }
        return Optional.of("12345-" + d.substring(0, 8) + "-" + d.substring(8));
    }
}
