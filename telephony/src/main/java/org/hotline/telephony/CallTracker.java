package org.hotline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds the AMI event stream into one {@link CallRecord} per call. Pure and single-threaded: the
 * verticle feeds it events in the order Asterisk sent them, on one context, which is what keeps
 * per-call processing in order. Time is an argument.
 */
public final class CallTracker {

    /** Contexts where a citizen's call enters the hotline (docker/asterisk/extensions.conf). */
    static final Set<String> ENTRY_CONTEXTS = Set.of("hotline-in", "hotline-entry");

    private final Map<String, LiveCall> calls = new HashMap<>();

    public List<CallSignal> apply(AmiEvent e, Instant now) {
        return switch (e.name()) {
            case "newchannel" -> started(e, now);
            case "varset" -> variable(e);
            case "queuecallerjoin" -> joined(e, now);
            case "agentconnect" -> connected(e, now);
            case "agentcomplete" -> completed(e);
            case "queuecallerabandon" -> abandoned(e);
            case "queuecallerleave" -> left(e);
            case "blindtransfer" -> transferred(e.get("transfereelinkedid"), e.get("extension"));
            case "attendedtransfer" -> transferred(e.get("origtransfererlinkedid"), "attended:" + e.get("secondtransfererexten"));
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

    public int inProgress() {
        return calls.size();
    }

    private Optional<LiveCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    private List<CallSignal> started(AmiEvent e, Instant now) {
        if (!ENTRY_CONTEXTS.contains(e.get("context"))) {
            return List.of();
        }
        LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall(id, now));
        call.callerChannels.add(e.get("uniqueid"));
        if (call.caller.isEmpty()) {
            call.caller = e.get("calleridnum");
        }
        return List.of();
    }

    private List<CallSignal> variable(AmiEvent e) {
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

    private List<CallSignal> joined(AmiEvent e, Instant now) {
        return find(e.callId()).<List<CallSignal>>map(call -> {
            call.callerChannels.add(e.get("uniqueid"));
            call.queue = e.get("queue");
            call.callerChannel = e.get("channel");
            call.joinedAt = now;
            return List.of(new CallSignal.Queued(call.callId, call.queue, now));
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
        LiveCall call = calls.get(e.callId());
        if (call == null || !call.callerChannels.remove(e.get("uniqueid")) || !call.callerChannels.isEmpty()
                || call.endedAt != null) {
            return List.of();
        }
        call.endedAt = now;
        return List.of(new CallSignal.Ended(call.callId));
    }
}
