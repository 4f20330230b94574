package org.hotline.telephony;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MuteAudioAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.hotline.core.error.HotlineException;

/**
 * What agents (and the 110 linkage) do to calls and to their own queue membership, as AMI actions.
 * Dialplan contexts are those of docker/asterisk/extensions.conf.
 */
public final class CallControl {

    static final String OUT_CONTEXT = "hotline-out";
    static final String CONFERENCE_CONTEXT = "hotline-conference";
    static final String SURVEY_CONTEXT = "hotline-survey";
    static final String HOTLINE_NUMBER = "12345";

    private final AmiGateway ami;
    private final TelephonyConfig config;
    private final CallTracker tracker;
    private final RedisTelephonyStore store;
    private final AgentPhones phones;
    private final Predicate<String> agentBusy;
    private final Clock clock;

    /** {@code agentBusy}: the live agent board's view (on a queue call, or phone in use or ringing). */
    public CallControl(AmiGateway ami, TelephonyConfig config, CallTracker tracker, RedisTelephonyStore store,
                       AgentPhones phones, Predicate<String> agentBusy, Clock clock) {
        this.ami = ami;
        this.config = config;
        this.tracker = tracker;
        this.store = store;
        this.phones = phones;
        this.agentBusy = agentBusy;
        this.clock = clock;
    }

    public AgentPhones phones() {
        return phones;
    }

    /** {@link #login(String, List, boolean)} for a SIP phone (not the browser). */
    public Future<Void> login(String agentId, List<String> queues) {
        return login(agentId, queues, false);
    }

    /**
     * Log-in: the agent's SIP endpoint is (re)written (see {@link AgentPhones}) and the agent becomes a
     * member of the given skill queues (all configured ones if empty); {@code webrtc}: the phone is the
     * console's browser soft phone.
     */
    public Future<Void> login(String agentId, List<String> queues, boolean webrtc) {
        List<String> chosen = queues.isEmpty() ? config.queues() : queues;
        for (String q : chosen) {
            if (!config.queues().contains(q)) {
                return Future.failedFuture(HotlineException.invalid("telephony.unknown-queue", "未知的队列：" + q));
            }
        }
        return phones.provision(agentId, webrtc)
                .compose(p -> Future.all(chosen.stream().map(q -> ami.send(queueAdd(agentId, q))).toList()))
                .compose(v -> store.saveLogin(agentId, chosen));
    }

    /** After an Asterisk restart: puts a logged-in agent back into a queue Asterisk forgot. */
    public Future<Void> rejoin(String agentId, String queue) {
        return ami.send(queueAdd(agentId, queue)).mapEmpty();
    }

    /** Log-out from every queue; queues the agent was not in are ignored. */
    public Future<Void> logout(String agentId) {
        String iface = config.interfaceOf(agentId);
        return Future.join(config.queues().stream().map(q -> ami.send(new QueueRemoveAction(q, iface))).toList())
                .<Void>mapEmpty().otherwiseEmpty().compose(v -> store.removeLogin(agentId));
    }

    /** 示忙 by the agent: the reason must be one of the configured ones (400 telephony.bad-reason). */
    public Future<Void> pauseByAgent(String agentId, String reason) {
        if (!config.pauseReasons().contains(reason)) {
            return Future.failedFuture(HotlineException.invalid("telephony.bad-reason",
                    "示忙原因应为以下之一：" + String.join("、", config.pauseReasons())));
        }
        return pause(agentId, true, reason);
    }

    /** Paused with a reason (休息, 培训, 话后整理 ...) in all queues, or ready again. */
    public Future<Void> pause(String agentId, boolean paused, String reason) {
        QueuePauseAction action = new QueuePauseAction(config.interfaceOf(agentId), paused);
        if (paused) {
            action.setReason(reason);
        }
        return ami.send(action).mapEmpty();
    }

    public Future<Void> hangup(String callId) {
        return channels(callId).compose(c -> ami.send(new HangupAction(c.caller()))).mapEmpty();
    }

    /** Hold as the backend can do it without the phone: the citizen no longer hears the agent. */
    public Future<Void> hold(String callId, boolean on) {
        MuteAudioAction.State state = on ? MuteAudioAction.State.MUTE : MuteAudioAction.State.UNMUTE;
        return connected(callId).compose(c -> ami.send(new MuteAudioAction(c.agent(), MuteAudioAction.Direction.ALL, state)))
                .mapEmpty();
    }

    /** Blind: the citizen is sent to the target and the agent is free. Attended: the agent talks first. */
    public Future<Void> transfer(String callId, String target, boolean attended) {
        if (!isNumber(target)) {
            return badNumber();
        }
        Future<?> sent = attended
                ? connected(callId).compose(c -> ami.send(new AtxferAction(c.agent(), OUT_CONTEXT, target, 1)))
                : channels(callId).compose(c -> ami.send(new RedirectAction(c.caller(), OUT_CONTEXT, target, 1)));
        return sent.onSuccess(r -> tracker.noteTransfer(callId, attended ? "attended:" + target : target)).mapEmpty();
    }

    /** Three-way call: citizen and agent move into a bridge named after the call, the target is called into it. */
    public Future<Void> conference(String callId, String target) {
        if (!isNumber(target)) {
            return badNumber();
        }
        return connected(callId)
                .compose(c -> ami.send(new RedirectAction(c.caller(), c.agent(), CONFERENCE_CONTEXT, callId, 1, CONFERENCE_CONTEXT, callId, 1)))
                .compose(r -> ami.send(originate("Local/" + target + "@" + OUT_CONTEXT, CONFERENCE_CONTEXT, callId,
                        Map.of("HOTLINE_CONFERENCE_OF", callId))))
                .onSuccess(r -> tracker.noteConference(callId, target)).mapEmpty();
    }

    /**
     * Rings the agent first, then dials the citizen (callback of a missed call, return visit); the
     * call is tracked as OUTBOUND for {@code purpose} ({@code callback:<callId>}, {@code return-visit:<ticketId>})
     * and its id (the agent leg's Asterisk channel id) is returned. An agent on a call (incoming, outgoing
     * or being dialled, or whose phone is in use) is not rung: 409 telephony.agent-busy.
     */
    public Future<String> callAs(String agentId, String phone, String purpose, Map<String, String> variables) {
        if (!isNumber(phone)) {
            return badNumber();
        }
        if (agentBusy.test(agentId) || tracker.agentOnCall(agentId, clock.instant())) {
            return Future.failedFuture(HotlineException.conflict("telephony.agent-busy", "坐席正在通话中，请结束当前通话后再外呼"));
        }
        String callId = "out-" + UUID.randomUUID();
        Map<String, String> vars = new HashMap<>(variables);
        vars.put(CallTracker.OUTBOUND_VARIABLE, purpose + "|" + agentId + "|" + phone);
        OriginateAction o = originate(config.interfaceOf(agentId), OUT_CONTEXT, phone, vars);
        o.setChannelId(callId);
        tracker.expectOutbound(callId, purpose, agentId, phone, clock.instant());
        return ami.send(o).onFailure(f -> tracker.forgetOutbound(callId)).map(callId);
    }

    /**
     * One attempt of an automated voice survey (语音回访): the citizen is dialled through the outbound
     * route ([hotline-out], so a site's carrier routing applies) and, on answering, hears the survey of
     * [hotline-survey]; the keys, or the failure to answer within {@code ring}, come back through FastAGI
     * with {@code attempt} (the caller's token for this attempt)
     * ({@link HotlineAgiServer#SURVEY_RESULT_ADDRESS}). No agent is involved: the call is tracked as a robot
     * call (purpose {@code voice-survey:<ticketId>}, no agent), which makes no call record.
     */
    public Future<Void> surveyCall(String ticketId, String phone, String attempt, java.time.Duration ring) {
        if (!isNumber(phone) || phone.startsWith("queue-")) {
            return badNumber();
        }
        if (ticketId == null || !ticketId.matches("[0-9A-Za-z_-]{1,64}") || attempt == null || !attempt.matches("[0-9A-Za-z:-]{1,64}")) {
            return Future.failedFuture(HotlineException.invalid("telephony.bad-survey", "回访工单或呼叫编号格式不正确"));
        }
        Map<String, String> vars = Map.of("HOTLINE_SURVEY_TICKET", ticketId, "HOTLINE_SURVEY_ATTEMPT", attempt,
                CallTracker.OUTBOUND_VARIABLE, CallPurpose.voiceSurvey(ticketId) + "||" + phone);
        OriginateAction o = originate("Local/" + phone + "@" + OUT_CONTEXT + "/n", SURVEY_CONTEXT, "s", vars);
        o.setTimeout(ring.toMillis());
        return ami.send(o).mapEmpty();
    }

    private QueueAddAction queueAdd(String agentId, String queue) {
        QueueAddAction add = new QueueAddAction(queue, config.interfaceOf(agentId));
        add.setMemberName(agentId);
        return add;
    }

    private static OriginateAction originate(String channel, String context, String exten, Map<String, String> vars) {
        OriginateAction o = new OriginateAction();
        o.setChannel(channel);
        o.setContext(context);
        o.setExten(exten);
        o.setPriority(1);
        o.setCallerId(HOTLINE_NUMBER);
        o.setAsync(true);
        o.setTimeout(30_000L);
        if (!vars.isEmpty()) {
            o.setVariables(vars);
        }
        return o;
    }

    private Future<CallTracker.Channels> channels(String callId) {
        return tracker.channelsOf(callId).map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                HotlineException.notFound("telephony.call-not-found", "通话不存在或已结束")));
    }

    private Future<CallTracker.Channels> connected(String callId) {
        return channels(callId).compose(c -> c.agent().isEmpty()
                ? Future.failedFuture(HotlineException.rejected("telephony.call-not-answered", "通话尚未接通坐席"))
                : Future.succeededFuture(c));
    }

    private static boolean isNumber(String target) {
        return target != null && target.matches("[0-9]{3,20}|queue-[a-z]+");
    }

    private static <T> Future<T> badNumber() {
        return Future.failedFuture(HotlineException.invalid("telephony.bad-number", "号码格式不正确"));
    }
}
