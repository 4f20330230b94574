package org.hotline.telephony;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The live state of the call centre folded from AMI events: calls in progress ({@link CallTracker}),
 * agent states ({@link AgentBoard}), queue figures ({@link QueueStatistics}) and when wrap-up starts
 * ({@link WrapUp}). Plain and single-threaded (fed on the verticle's context in Asterisk's order;
 * agent actions read the tracker and board, whose maps are concurrent); time is an argument. The
 * verticle only adapts: AMI in, {@link Reaction} out to screen pops, records and AMI actions.
 */
public final class LiveTelephony {

    /** What one AMI event leads to: call signals, and an agent whose wrap-up starts. */
    public record Reaction(List<CallSignal> signals, Optional<String> wrapUpOf) {
    }

    private final CallTracker tracker = new CallTracker();
    private final AgentBoard board = new AgentBoard();
    private final QueueStatistics stats;
    private final WrapUp wrapUp;
    private final List<String> queues;
    private final List<String> pauseReasons;

    public LiveTelephony(TelephonyConfig config) {
        this.wrapUp = new WrapUp(config.wrapUp());
        this.stats = new QueueStatistics(config.wrapUp());
        this.queues = config.queues();
        this.pauseReasons = config.pauseReasons();
    }

    public Reaction apply(AmiEvent e, Instant now) {
        board.apply(e, now);
        List<CallSignal> signals = tracker.apply(e, now);
        signals.forEach(this::count);
        return new Reaction(signals, wrapUp.startsWith(e));
    }

    /** The record of an ended call, once (after the grace period). */
    public Optional<CallRecord> finish(String callId, Instant now) {
        return tracker.finish(callId, now);
    }

    /** A record was stored: it counts in the queue's figures. */
    public void recorded(CallRecord record) {
        stats.finished(record);
    }

    /** Whether the wrap-up started after a call should now end (the agent still in wrap-up). */
    public boolean wrapUpEnds(String agentId) {
        return wrapUp.endsFor(board.stateOf(agentId));
    }

    public WrapUp wrapUp() {
        return wrapUp;
    }

    /** After a reconnect: Asterisk's waiting callers of {@code queue} (QueueEntry events) replace ours. */
    public void resyncQueue(String queue, List<AmiEvent> status, Instant now) {
        stats.resetWaiting(queue);
        status.stream().filter(e -> e.is("queueentry"))
                .forEach(e -> stats.queued(queue, e.callId(), now.minusSeconds(e.seconds("wait"))));
    }

    /** After a reconnect: Asterisk's queue members (QueueMember events) replace the agent board. */
    public void resyncMembers(List<AmiEvent> members, Instant now) {
        board.resync(members, now);
    }

    /** After a reconnect: calls Asterisk no longer has are ended by the system. */
    public List<CallSignal> endAllExcept(Set<String> liveCallIds, Instant now) {
        List<CallSignal> signals = tracker.endAllExcept(liveCallIds, now);
        signals.forEach(this::count);
        return signals;
    }

    public CallTracker tracker() {
        return tracker;
    }

    public AgentBoard board() {
        return board;
    }

    public JsonObject dashboard(Instant now) {
        JsonArray perQueue = new JsonArray(queues.stream().map(q -> stats.snapshot(q, now)).toList());
        return new JsonObject().put("queues", perQueue).put("pauseReasons", new JsonArray(pauseReasons)).put("agents", board.snapshot())
                .put("agentsByState", board.countsByState()).put("callsInProgress", tracker.inProgress());
    }

    private void count(CallSignal signal) {
        if (signal instanceof CallSignal.Queued q) {
            stats.queued(q.queue(), q.callId(), q.at());
        } else if (signal instanceof CallSignal.LeftQueue l) {
            stats.leftQueue(l.queue(), l.callId());
        }
    }
}
