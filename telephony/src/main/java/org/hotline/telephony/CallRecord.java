package org.hotline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.model.Masking;

/**
 * One finished call, as written to {@code hotline:stream:call-records} (fields: telephony/README.md).
 *
 * @param callId     Asterisk's linked id of the call
 * @param direction  INBOUND (a citizen called 12345) or OUTBOUND (a callback or return visit)
 * @param purpose    why an outbound call was placed ({@code callback:<callId>}, {@code return-visit:<ticketId>}), else empty
 * @param caller     the citizen's number, calling or called (personal data: masked in toString)
 * @param queue      the queue the call waited in, empty when it never queued
 * @param agentId    the agent who answered, empty when nobody did
 * @param waitTime     time in the queue until answered or abandoned
 * @param talkTime     time connected to the agent
 * @param hangupSide who ended the call
 * @param transfers  targets the call was transferred to, in order
 * @param conference external numbers brought into a three-way call
 * @param recording  MixMonitor file name, empty when nothing was recorded
 * @param ticketIds  tickets created or linked during the call
 */
public record CallRecord(String callId, Direction direction, String purpose, String caller, String queue, String agentId, Instant startedAt,
                         Instant endedAt, Duration waitTime, Duration talkTime, HangupSide hangupSide,
                         Outcome outcome, List<String> transfers, List<String> conference,
                         String recording, List<String> ticketIds) {

    /** Who ended the call. */
    public enum HangupSide { CALLER, AGENT, TRANSFER, SYSTEM }

    /** Who called whom. */
    public enum Direction { INBOUND, OUTBOUND }

    /** How the call ended for the citizen; NO_ANSWER: an outbound call the citizen (or agent) did not pick up. */
    public enum Outcome { ANSWERED, ABANDONED, BLOCKED, SELF_SERVICE, NO_ANSWER }

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        direction = Objects.requireNonNullElse(direction, Direction.INBOUND);
        purpose = Objects.requireNonNullElse(purpose, "");
        caller = Objects.requireNonNullElse(caller, "");
        queue = Objects.requireNonNullElse(queue, "");
        agentId = Objects.requireNonNullElse(agentId, "");
        recording = Objects.requireNonNullElse(recording, "");
        transfers = List.copyOf(transfers);
        conference = List.copyOf(conference);
        ticketIds = List.copyOf(ticketIds);
    }

    /** An incoming call (the common case). */
    public CallRecord(String callId, String caller, String queue, String agentId, Instant startedAt, Instant endedAt,
                      Duration waitTime, Duration talkTime, HangupSide hangupSide, Outcome outcome, List<String> transfers,
                      List<String> conference, String recording, List<String> ticketIds) {
        this(callId, Direction.INBOUND, "", caller, queue, agentId, startedAt, endedAt, waitTime, talkTime, hangupSide,
                outcome, transfers, conference, recording, ticketIds);
    }

    public boolean abandoned() {
        return outcome == Outcome.ABANDONED;
    }

    public boolean answeredWithin(Duration limit) {
        return outcome == Outcome.ANSWERED && waitTime.compareTo(limit) <= 0;
    }

    /** The stream entry; every value a string, times ISO-8601, durations in whole seconds. */
    public Map<String, String> toStreamFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("schema", "call.v1");
        f.put("callId", callId);
        f.put("direction", direction.name());
        f.put("purpose", purpose);
        f.put("caller", caller);
        f.put("queue", queue);
        f.put("agentId", agentId);
        f.put("startedAt", startedAt.toString());
        f.put("endedAt", endedAt.toString());
        f.put("waitSeconds", Long.toString(waitTime.toSeconds()));
        f.put("talkSeconds", Long.toString(talkTime.toSeconds()));
        f.put("hangupSide", hangupSide.name());
        f.put("outcome", outcome.name());
        f.put("abandoned", Boolean.toString(abandoned()));
        f.put("transfers", String.join(",", transfers));
        f.put("conference", String.join(",", conference));
        f.put("recording", recording);
        f.put("ticketIds", String.join(",", ticketIds));
        return f;
    }

    public CallRecord withTicketIds(List<String> ids) {
        return new CallRecord(callId, direction, purpose, caller, queue, agentId, startedAt, endedAt, waitTime, talkTime, hangupSide,
                outcome, transfers, conference, recording, ids);
    }

    @Override
    public String toString() {
        return "CallRecord[" + callId + ", caller=" + Masking.maskPhone(caller)
                + ", queue=" + queue + ", agent=" + agentId + ", outcome=" + outcome + "]";
    }
}
