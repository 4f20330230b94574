package org.hotline.telephony;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.hotline.core.api.TicketRoutes;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telephony: AMI events → call records, screen pops, queue statistics and agent states; the FastAGI
 * server; the event-bus actions used by the 110 linkage. One context processes every AMI event in
 * Asterisk's order, so each call's events are handled in order; blocking Asterisk-Java calls run on
 * the {@value AmiGateway#WORKER_POOL} worker pool. An empty AMI host leaves telephony off.
 */
public final class TelephonyVerticle extends VerticleBase {

    /** Request {callId, target, attended?}: transfer a call (reply {ok:true}). */
    public static final String TRANSFER_ADDRESS = "telephony.call.transfer";
    /** Request {callId, target}: three-way call with an external number. */
    public static final String CONFERENCE_ADDRESS = "telephony.call.conference";
    /** Request {callId, ticketId}: link a ticket created during the call to its record. */
    public static final String LINK_TICKET_ADDRESS = "telephony.call.link-ticket";
    /**
     * Request {ticketId, phone, attempt (a token the result carries back), ringSeconds}: one voice-survey call (reply {ok:true} once Asterisk
     * took the originate); its outcome arrives on {@link HotlineAgiServer#SURVEY_RESULT_ADDRESS}.
     */
    public static final String SURVEY_CALL_ADDRESS = "telephony.survey.call";
    /** Published after each call record is stored: the stream fields as JSON. */
    public static final String RECORDED_ADDRESS = "telephony.call.recorded";
    /** Published after each resynchronisation with Asterisk (first log-in and every reconnect). */
    public static final String RESYNCED_ADDRESS = "telephony.resynced";
    /** Prefix of each agent's own address ({@code telephony.agent.<agentId>}): screen pops. */
    public static final String AGENT_ADDRESS_PREFIX = "telephony.agent.";

    private static final Logger LOG = LoggerFactory.getLogger(TelephonyVerticle.class);
    private static final Duration RECORD_GRACE = Duration.ofSeconds(1);

    private final TelephonyConfig config;
    private final RedisAsyncCommands<String, String> redis;
    private final ScreenPops pops;
    private final TicketCallLinks ticketLinks;
    private final TicketProgressLookup progress;
    private final Clock clock;
    private final LiveTelephony live;
    private RedisTelephonyStore store;
    private AuditLog audit;
    private AmiGateway gateway;
    private CallControl control;
    private HotlineAgiServer agi;
    private Future<Void> firstLogin = Future.failedFuture("telephony off");

    public TelephonyVerticle(TelephonyConfig config, RedisAsyncCommands<String, String> redis, CallerHistory history,
                             TicketProgressLookup progress, Clock clock) {
        this(config, redis, history, progress, TicketCallLinks.none(), clock);
    }

    public TelephonyVerticle(TelephonyConfig config, RedisAsyncCommands<String, String> redis, CallerHistory history,
                             TicketProgressLookup progress, TicketCallLinks ticketLinks, Clock clock) {
        this.ticketLinks = Objects.requireNonNull(ticketLinks, "ticketLinks");
        this.config = Objects.requireNonNull(config, "config");
        this.redis = redis;
        this.pops = new ScreenPops(Objects.requireNonNull(history, "history"));
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.live = new LiveTelephony(config);
    }

    @Override
    public Future<?> start() {
        if (!config.enabled()) {
            LOG.info("telephony off: no AMI host configured (set telephony.amiHost to enable)");
            return Future.succeededFuture();
        }
        store = new RedisTelephonyStore(context, Objects.requireNonNull(redis, "redis"), config.callbacksMax());
        audit = new AuditLog(vertx, redis, clock);
        gateway = new AmiGateway(vertx, config);
        control = new CallControl(gateway, config, live.tracker(), store, new AgentPhones(vertx, gateway, config),
                live.board()::busy, clock);
        agi = new HotlineAgiServer(context, config, store, progress);
        var bus = vertx.eventBus();
        bus.<JsonObject>consumer(TRANSFER_ADDRESS, m -> TelephonyReplies.reply(m, control.transfer(
                m.body().getString("callId"), m.body().getString("target"), m.body().getBoolean("attended", false))));
        bus.<JsonObject>consumer(CONFERENCE_ADDRESS, m -> TelephonyReplies.reply(m,
                control.conference(m.body().getString("callId"), m.body().getString("target"))));
        bus.<JsonObject>consumer(SURVEY_CALL_ADDRESS, m -> TelephonyReplies.reply(m, control.surveyCall(m.body().getString("ticketId"),
                m.body().getString("phone"), m.body().getString("attempt"), Duration.ofSeconds(m.body().getInteger("ringSeconds", 30)))));
        bus.<JsonObject>consumer(LINK_TICKET_ADDRESS, m -> TelephonyReplies.reply(m,
                store.linkTicket(m.body().getString("callId"), m.body().getString("ticketId"))));
        // A ticket filed from a call (core's TicketRoutes): the call's side of the link, at any time.
        bus.<JsonObject>consumer(TicketRoutes.CALL_LINKED_ADDRESS, m -> store.linkTicket(m.body().getString("callId"),
                m.body().getString("ticketId")).onFailure(f -> LOG.warn("call ↔ ticket link not stored [callId={}]",
                m.body().getString("callId"), f)));
        return vertx.executeBlocking(() -> {
            agi.start();
            return null;
        }).onSuccess(v -> {
            LOG.info("telephony on [{}]", config);
            firstLogin = gateway.start(this::onEvent, v2 -> resync());
        });
    }

    @Override
    public Future<?> stop() {
        if (agi != null) {
            agi.stop();
        }
        return gateway == null ? Future.succeededFuture() : gateway.stop();
    }

    /** Completes at the first successful AMI log-in (readiness). */
    public Future<Void> whenConnected() {
        return firstLogin;
    }

    public boolean connected() {
        return gateway != null && gateway.connected();
    }

    public CallControl control() {
        return requireOn(control);
    }

    public RedisTelephonyStore store() {
        return requireOn(store);
    }

    public TelephonyConfig settings() {
        return config;
    }

    /** Reads of call records and recordings are audited as personal-data reads. */
    public AuditLog audit() {
        return requireOn(audit);
    }

    /** Both sides of a ticket ↔ call link made from telephony: the ticket lists the call, the call the ticket. */
    public Future<Void> linkTicket(String callId, String ticketId, Actor actor) {
        return ticketLinks.linkCall(ticketId, callId, actor).compose(v -> store().linkTicket(callId, ticketId));
    }

    public JsonObject dashboard() {
        return live.dashboard(clock.instant());
    }

    /** The adapter: each AMI event folds into the live state; what it leads to is carried out here. */
    private void onEvent(AmiEvent e) {
        LiveTelephony.Reaction reaction = live.apply(e, clock.instant());
        reaction.wrapUpOf().ifPresent(this::wrapUp);
        reaction.signals().forEach(this::handle);
    }

    private void handle(CallSignal signal) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete by review.
        if (signal instanceof CallSignal.Answered a) {
            screenPop(a);
        } else if (signal instanceof CallSignal.Ended ended) {
            pops.ended(ended.callId());
            vertx.setTimer(RECORD_GRACE.toMillis(), t -> finish(ended.callId(), 3));
        } else if (signal instanceof CallSignal.Queued q) {
            pops.queued(q.callId(), q.caller());
        } else if (signal instanceof CallSignal.OutboundAnswered o) {
            CallPurpose.callbackOf(o.purpose()).ifPresent(missed -> store.callbackDone(missed)
                    .onFailure(f -> LOG.warn("callback answered but still listed [missedCall={}]", missed, f)));
        }
        // Queued and LeftQueue are counted by LiveTelephony itself.
    }

    private void screenPop(CallSignal.Answered a) {
        pops.answered(a, pop -> vertx.eventBus().publish(AGENT_ADDRESS_PREFIX + a.agentId(), pop));
    }

    private void finish(String callId, int attemptsLeft) {
        live.finish(callId, clock.instant()).ifPresent(record -> store(record, attemptsLeft));
    }

    private void store(CallRecord record, int attemptsLeft) {
        store.append(record).onSuccess(written -> {
            live.recorded(written.orElse(record));
            written.ifPresent(full -> vertx.eventBus().publish(RECORDED_ADDRESS,
                    new JsonObject(new java.util.HashMap<>(full.toStreamFields()))));
        }).onFailure(failure -> {
            LOG.warn("call record not stored yet [callId={}, attemptsLeft={}]", record.callId(), attemptsLeft, failure);
            if (attemptsLeft > 0) {
                vertx.setTimer(1000, t -> store(record, attemptsLeft - 1));
            }
        });
    }

    private void wrapUp(String agentId) {
        control.pause(agentId, true, AgentBoard.WRAP_UP_REASON)
                .onSuccess(v -> vertx.setTimer(live.wrapUp().length().toMillis(), t -> {
                    if (live.wrapUpEnds(agentId)) {
                        control.pause(agentId, false, "").onFailure(f -> LOG.warn("wrap-up end failed [agent={}]", agentId, f));
                    }
                }))
                .onFailure(f -> LOG.warn("wrap-up start failed [agent={}]", agentId, f));
    }

    /**
     * After (re)connecting: Asterisk's view of members, waiting callers and live calls replaces ours;
     * agents logged in through the backend whom Asterisk forgot (it restarted) are put back.
     */
    private void resync() {
        // AMI accepts log-ins before the dialplan and queues are loaded: resyncing then would find no
        // queue to put forgotten agents back into, and calls would wait with nobody to answer.
        gateway.send(new CommandAction("core waitfullybooted"))
                .onFailure(f -> LOG.warn("could not wait for asterisk to finish booting [reason={}]", f.toString()))
                .onComplete(booted -> resyncBooted());
    }

    private void resyncBooted() {
        Instant now = clock.instant();
        List<Future<List<AmiEvent>>> queues = config.queues().stream().map(q -> gateway.list(queueStatus(q))
                .onSuccess(events -> live.resyncQueue(q, events, now))).toList();
        Future.all(queues)
                .map(all -> queues.stream().flatMap(f -> f.result().stream()).toList())
                .compose(members -> rejoinForgotten(members, now))
                .compose(v -> gateway.list(new CoreShowChannelsAction()))
                .onSuccess(channels -> {
                    Set<String> liveCalls = channels.stream().map(AmiEvent::callId).collect(Collectors.toSet());
                    live.endAllExcept(liveCalls, clock.instant()).forEach(this::handle);
                    LOG.info("telephony resynchronised [liveChannels={}, callsTracked={}]", channels.size(),
                            live.tracker().inProgress());
                    vertx.eventBus().publish(RESYNCED_ADDRESS, new JsonObject().put("at", clock.instant().toString()));
                })
                .onFailure(f -> LOG.warn("telephony resync failed [reason={}]", f.toString()));
    }

    private Future<Void> rejoinForgotten(List<AmiEvent> members, Instant now) {
        live.resyncMembers(members, now);
        Set<String> present = members.stream().filter(e -> e.is("queuemember"))
                .map(e -> e.get("membername") + "|" + e.get("queue")).collect(Collectors.toSet());
        return store.logins().compose(logins -> Future.join(logins.entrySet().stream()
                .flatMap(l -> l.getValue().stream().filter(q -> !present.contains(l.getKey() + "|" + q))
                        .map(q -> control.rejoin(l.getKey(), q)))
                .toList())).<Void>mapEmpty().otherwiseEmpty();
    }

    private static QueueStatusAction queueStatus(String queue) {
        QueueStatusAction action = new QueueStatusAction();
        action.setQueue(queue);
        return action;
    }

    private static <T> T requireOn(T part) {
        if (part == null) {
            throw HotlineException.unavailable("telephony.off", "电话系统未启用", null);
        }
        return part;
    }
}
