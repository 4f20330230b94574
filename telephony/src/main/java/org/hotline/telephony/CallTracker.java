package org.hotline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds the AMI event stream into one {@link CallRecord} per call. Pure and single-threaded: the
 * verticle feeds it events in the order Asterisk sent them, on one context, which is what keeps
 * per-call processing in order. Time is an argument. Agent actions read it from HTTP handlers
 * (channels of a call, whether an agent is on a call), hence the concurrent map.
 *
 * <p>Outbound calls (callbacks, return visits) are originated by {@link CallControl} with the
 * variable {@value #OUTBOUND_VARIABLE} = {@code purpose|agentId|phone} on the agent's leg. The
 * citizen's leg then goes out through the carrier endpoint, whose context is the entry context: it
 * belongs to the outbound call (same linked id), it is not a new incoming call.
 */
public final class CallTracker {

    /** Contexts where a citizen's call enters the hotline (docker/asterisk/extensions.conf). */
    static final Set<String> ENTRY_CONTEXTS = Set.of("hotline-in", "hotline-entry");

    /** Channel variable of an originated outbound call: {@code purpose|agentId|phone}. */
    static final String OUTBOUND_VARIABLE = "HOTLINE_OUTBOUND";

    /** How long an expected outbound call counts without any event from Asterisk. */
    static final Duration UNCONFIRMED_OUTBOUND = Duration.ofSeconds(60);

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    /**
     * Robot calls (voice surveys: an outbound call without an agent) by linked id: not call-centre
     * calls, so no record and no phantom incoming call from their carrier leg; their trail is on the ticket.
     */
    private final Set<String> robotCalls = ConcurrentHashMap.newKeySet();

    public List<CallSignal> apply(AmiEvent e, Instant now) {
        return switch (e.name()) {
            case "newchannel" -> started(e, now);
            case "varset" -> variable(e, now);
            case "queuecallerjoin" -> joined(e, now);
            case "agentconnect" -> connected(e, now);
            case "agentcomplete" -> completed(e);
            case "queuecallerabandon" -> abandoned(e);
            case "queuecallerleave" -> left(e);
            case "blindtransfer" -> transferred(e.get("transfereelinkedid"), e.get("extension"));
            case "attendedtransfer" -> transferred(e.get("origtransfererlinkedid"), "attended:" + e.get("secondtransfererexten"));
            case "dialend" -> dialEnded(e, now);
            case "hangup" -> hungUp(e, now);
            default -> List.of();
        };
    }

    /** Removes and returns the record of an ended call (after the verticle's grace period). */
    public Optional<CallRecord> finish(String callId, Instant now) {
        LiveCall call = calls.get(callId);
        if (call == null || call.endedAt == null) {
            return Optional.empty();
        }
        calls.remove(callId);
        return Optional.of(call.toRecord(now));
    }

    /** A three-way call placed through the API (the external leg is a separate Asterisk call). */
    public void noteConference(String callId, String target) {
        find(callId).ifPresent(c -> c.noteOnce(c.conference, target));
    }

    /**
     * A transfer made by the agent. The queue reports the citizen leaving a blindly transferred call
     * as the caller's doing (AgentComplete reason "caller"), before or after this note: either way the
     * call ended for the agent by the transfer.
     */
    public void noteTransfer(String callId, String target) {
        find(callId).ifPresent(c -> {
            c.noteOnce(c.transfers, target);
            if (c.hangupSide == CallRecord.HangupSide.CALLER) {
                c.hangupSide = CallRecord.HangupSide.TRANSFER;
            }
        });
    }

    public Optional<String> callerOf(String callId) {
        return find(callId).map(c -> c.caller);
    }

    /** The live channels of a call, for agent actions; empty when the call is not connected. */
    public Optional<Channels> channelsOf(String callId) {
        return find(callId).filter(c -> c.endedAt == null && !c.callerChannel.isEmpty())
                .map(c -> new Channels(c.callerChannel, c.agentChannel, c.agentId));
    }

    /** Channel names of a call in progress; {@code agent} is empty while the call waits. */
    public record Channels(String caller, String agent, String agentId) {
    }

    /**
     * After a reconnect: calls Asterisk no longer has (it restarted) are ended by the system, so
     * their records are still written.
     */
    public List<CallSignal> endAllExcept(Set<String> liveCallIds, Instant now) {
        return calls.values().stream().filter(c -> c.endedAt == null && !liveCallIds.contains(c.callId))
                .<CallSignal>map(c -> {
                    c.endedAt = now;
                    c.hangupSide = c.hangupSide == null ? CallRecord.HangupSide.SYSTEM : c.hangupSide;
                    return new CallSignal.Ended(c.callId);
                }).toList();
    }

    /**
     * Whether the agent is on a call the tracker knows: an answered incoming one, or an outbound one
     * being dialled or talked (an outbound call Asterisk never reported within a minute is not counted).
     */
    public boolean agentOnCall(String agentId, Instant now) {
        return calls.values().stream().anyMatch(c -> c.endedAt == null && agentId.equals(c.agentId)
                && (c.unconfirmedUntil == null || now.isBefore(c.unconfirmedUntil)));
    }

    /**
     * An outbound call this node is about to originate with Asterisk channel id {@code callId} (its
     * agent leg): the agent counts as on a call from now on, before Asterisk's first event.
     */
    public void expectOutbound(String callId, String purpose, String agentId, String phone, Instant now) {
        LiveCall call = new LiveCall(callId, now);
        call.direction = CallRecord.Direction.OUTBOUND;
        call.purpose = purpose;
        call.agentId = agentId;
        call.caller = phone;
        call.callerChannels.add(callId);
        call.unconfirmedUntil = now.plus(UNCONFIRMED_OUTBOUND);
        calls.putIfAbsent(callId, call);
    }

    /** The originate was refused: the expected call will not happen. */
    public void forgetOutbound(String callId) {
        calls.computeIfPresent(callId, (id, c) -> c.unconfirmedUntil != null ? null : c);
    }

    public int inProgress() {
        return calls.size();
    }

    private Optional<LiveCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    private List<CallSignal> started(AmiEvent e, Instant now) {
        if (!ENTRY_CONTEXTS.contains(e.get("context")) || robotCalls.contains(e.callId())) {
            return List.of();
        }
        LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall(id, now));
        if (call.direction == CallRecord.Direction.OUTBOUND) {
            return List.of(); // the citizen's leg of a callback, dialled through the carrier
        }
        call.callerChannels.add(e.get("uniqueid"));
        if (call.caller.isEmpty()) {
            call.caller = e.get("calleridnum");
        }
        return List.of();
    }

    private List<CallSignal> variable(AmiEvent e, Instant now) {
        if (OUTBOUND_VARIABLE.equals(e.get("variable"))) {
            outbound(e, now);
            return List.of();
        }
        find(e.callId()).ifPresent(call -> {
            switch (e.get("variable")) {
                case "HOTLINE_CALLER" -> call.caller = e.get("value");
                case "HOTLINE_ROUTE" -> call.blocked |= "blocked".equals(e.get("value"));
                case "HOTLINE_CHOICE" -> call.selfService |= "1".equals(e.get("value"));
                case "HOTLINE_RECORDING" -> call.recording = e.get("value");
                default -> { }
            }
        });
        return List.of();
    }

    /** The agent's leg of an originated call: the call is outbound, it ends when this leg hangs up. */
    private void outbound(AmiEvent e, Instant now) {
        String[] parts = e.get("value").split("\\|", -1);
        if (parts.length != 3) {
            return;
        }
        if (parts[1].isEmpty()) {
            robotCalls.add(e.callId());
            calls.remove(e.callId());
            return;
        }
        LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall(id, now));
        call.direction = CallRecord.Direction.OUTBOUND;
        call.purpose = parts[0];
        call.agentId = parts[1];
        call.caller = parts[2];
        call.callerChannels.clear();
        call.callerChannels.add(e.get("uniqueid"));
        call.agentChannel = e.get("channel");
        call.unconfirmedUntil = null;
    }

    /** The citizen answered an outbound call (DialEnd ANSWER of the carrier leg). */
    private List<CallSignal> dialEnded(AmiEvent e, Instant now) {
        return find(e.callId()).filter(c -> c.direction == CallRecord.Direction.OUTBOUND && c.answeredAt == null
                        && "ANSWER".equals(e.get("dialstatus")) && !c.callerChannels.contains(e.get("destuniqueid")))
                .<List<CallSignal>>map(call -> {
                    call.answeredAt = e.at(now);
                    call.callerChannel = e.get("destchannel");
                    return List.of(new CallSignal.OutboundAnswered(call.callId, call.purpose, call.agentId, call.caller));
                }).orElse(List.of());
    }

    private List<CallSignal> joined(AmiEvent e, Instant now) {
        return find(e.callId()).<List<CallSignal>>map(call -> {
            call.callerChannels.add(e.get("uniqueid"));
            call.queue = e.get("queue");
            call.callerChannel = e.get("channel");
            call.joinedAt = now;
            return List.of(new CallSignal.Queued(call.callId, call.caller, call.queue, now));
        }).orElse(List.of());
    }

    private List<CallSignal> connected(AmiEvent e, Instant now) {
        return find(e.callId()).<List<CallSignal>>map(call -> {
            call.agentId = e.get("membername");
            call.agentChannel = e.get("destchannel");
            call.wait = Duration.ofSeconds(e.seconds("holdtime"));
            call.answeredAt = now;
            return List.of(new CallSignal.Answered(call.callId, call.caller, call.queue, call.agentId, e.at(now)));
        }).orElse(List.of());
    }

    private List<CallSignal> completed(AmiEvent e) {
        find(e.callId()).ifPresent(call -> {
            call.talk = Duration.ofSeconds(e.seconds("talktime"));
            call.hangupSide = switch (e.get("reason")) {
                case "agent" -> CallRecord.HangupSide.AGENT;
                case "transfer" -> CallRecord.HangupSide.TRANSFER;
                default -> call.transfers.isEmpty() ? CallRecord.HangupSide.CALLER : CallRecord.HangupSide.TRANSFER;
            };
        });
        return List.of();
    }

    private List<CallSignal> abandoned(AmiEvent e) {
        find(e.callId()).ifPresent(call -> {
            call.abandoned = true;
            call.wait = Duration.ofSeconds(e.seconds("holdtime"));
        });
        return List.of();
    }

    private List<CallSignal> left(AmiEvent e) {
        return find(e.callId()).<List<CallSignal>>map(c -> List.of(new CallSignal.LeftQueue(c.callId, e.get("queue"))))
                .orElse(List.of());
    }

    private List<CallSignal> transferred(String callId, String target) {
        noteTransfer(callId, target);
        return List.of();
    }

    private List<CallSignal> hungUp(AmiEvent e, Instant now) {
        if (e.callId().equals(e.get("uniqueid"))) {
            robotCalls.remove(e.callId()); // its first channel is gone: no new channel of that call follows
        }
        LiveCall call = calls.get(e.callId());
        if (call == null || !call.callerChannels.remove(e.get("uniqueid")) || !call.callerChannels.isEmpty()
                || call.endedAt != null) {
            return List.of();
        }
        call.endedAt = now;
        return List.of(new CallSignal.Ended(call.callId));
    }
}
