package org.hotline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The tracker's working state of one call in progress; confined to the tracker's context. */
final class LiveCall {
    final String callId;
    final Instant startedAt;
    final Set<String> callerChannels = new HashSet<>();
    final List<String> transfers = new ArrayList<>();
    final List<String> conference = new ArrayList<>();
    String caller = "";
    String queue = "";
    String agentId = "";
    String recording = "";
    String callerChannel = "";
    CallRecord.Direction direction = CallRecord.Direction.INBOUND;
    /** Why an outbound call was placed ({@code callback:<callId>}, {@code return-visit:<ticketId>}). */
    String purpose = "";
    String agentChannel = "";
    Instant joinedAt;
    Instant answeredAt;
    Instant endedAt;
    /** An outbound call expected by this node but not yet reported by Asterisk counts until then. */
    Instant unconfirmedUntil;
    Duration wait = Duration.ZERO;
    Duration talk;
    CallRecord.HangupSide hangupSide;
    boolean abandoned;
    boolean blocked;
    boolean selfService;

    LiveCall(String callId, Instant startedAt) {
        this.callId = callId;
        this.startedAt = startedAt;
    }

    void noteOnce(List<String> list, String target) {
        if (!target.isEmpty() && (list.isEmpty() || !list.get(list.size() - 1).equals(target))) {
            list.add(target);
        }
    }

    CallRecord toRecord(Instant now) {
        Instant end = endedAt == null ? now : endedAt;
        Duration talked = talk != null ? talk : answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, end);
        Duration waited = answeredAt != null || abandoned || joinedAt == null ? wait : Duration.between(joinedAt, end);
        // Unanswered calls leave no recording (the queue records from the agent's answer on).
        String recorded = answeredAt == null ? "" : recording;
        return new CallRecord(callId, direction, purpose, caller, queue, agentId, startedAt, end, waited, talked, side(),
                outcome(), transfers, conference, recorded, List.of());
    }

    private CallRecord.Outcome outcome() {
        if (direction == CallRecord.Direction.OUTBOUND) {
            return answeredAt == null ? CallRecord.Outcome.NO_ANSWER : CallRecord.Outcome.ANSWERED;
        }
        if (!agentId.isEmpty()) {
            return CallRecord.Outcome.ANSWERED;
        }
        if (blocked) {
            return CallRecord.Outcome.BLOCKED;
        }
        return joinedAt == null && selfService ? CallRecord.Outcome.SELF_SERVICE : CallRecord.Outcome.ABANDONED;
    }

    private CallRecord.HangupSide side() {
        if (hangupSide != null) {
            return hangupSide;
        }
        return blocked ? CallRecord.HangupSide.SYSTEM : CallRecord.HangupSide.CALLER;
    }
}
