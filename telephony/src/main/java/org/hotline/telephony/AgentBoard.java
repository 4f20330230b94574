package org.hotline.telephony;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Live agent states for supervisors, folded from queue-member AMI events (so that changes made
 * outside the backend, or before a reconnect, show up too). Written by the tracker's context only;
 * agent actions read it from HTTP handlers, hence concurrent maps.
 */
public final class AgentBoard {

    /** Pause reason the backend uses for wrap-up after a call. */
    public static final String WRAP_UP_REASON = "话后整理";

    /** What an agent is doing. */
    public enum State { READY, BUSY, WRAP_UP, PAUSED, LOGGED_OUT }

    private record Agent(State state, String reason, Set<String> queues, Instant since) {
    }

    /** Device states (queue member Status) of a phone in use, ringing or on hold. */
    private static final Set<String> DEVICE_IN_USE = Set.of("2", "3", "6", "7", "8");

    private final Map<String, Agent> agents = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> deviceInUse = new ConcurrentHashMap<>();

    public void apply(AmiEvent e, Instant now) {
        String agentId = e.get("membername").isEmpty() ? e.get("name") : e.get("membername");
        if (agentId.isEmpty()) {
            return;
        }
        switch (e.name()) {
            case "queuememberadded", "queuemember", "queuememberpause", "queuememberstatus" -> member(agentId, e, now);
            case "queuememberremoved" -> removed(agentId, e.get("queue"), now);
            case "agentconnect" -> set(agentId, State.BUSY, "", now);
            default -> { }
        }
    }

    /** After a reconnect: Asterisk's member list (QueueMember events of QueueStatus) replaces ours. */
    public void resync(List<AmiEvent> members, Instant now) {
        agents.replaceAll((id, a) -> new Agent(State.LOGGED_OUT, "", Set.of(), a.state() == State.LOGGED_OUT ? a.since() : now));
        members.stream().filter(e -> e.is("queuemember")).forEach(e -> apply(e, now));
    }

    public State stateOf(String agentId) {
        Agent a = agents.get(agentId);
        return a == null ? State.LOGGED_OUT : a.state();
    }

    /**
     * On a queue call, or whose phone is in use, ringing or on hold (whatever the call: a callback,
     * a call the agent dialled): such an agent is not rung for another outbound call.
     */
    public boolean busy(String agentId) {
        return stateOf(agentId) == State.BUSY || deviceInUse.getOrDefault(agentId, false);
    }

    public JsonArray snapshot() {
        JsonArray list = new JsonArray();
        agents.forEach((id, a) -> list.add(new JsonObject().put("agentId", id).put("state", a.state().name())
                .put("reason", a.reason()).put("queues", new JsonArray(a.queues().stream().toList()))
                .put("since", a.since().toString())));
        return list;
    }

    public JsonObject countsByState() {
        JsonObject counts = new JsonObject();
        for (State s : State.values()) {
            counts.put(s.name(), agents.values().stream().filter(a -> a.state() == s).count());
        }
        return counts;
    }

    private void member(String agentId, AmiEvent e, Instant now) {
        if (!e.get("status").isEmpty()) {
            deviceInUse.put(agentId, DEVICE_IN_USE.contains(e.get("status")));
        }
        Agent old = agents.get(agentId);
        Set<String> queues = new TreeSet<>(old == null ? Set.of() : old.queues());
        queues.add(e.get("queue"));
        String reason = e.get("pausedreason");
        State state;
        if (truthy(e.get("paused"))) {
            state = WRAP_UP_REASON.equals(reason) ? State.WRAP_UP : State.PAUSED;
        } else {
            state = truthy(e.get("incall")) ? State.BUSY : State.READY;
            reason = "";
        }
        Instant since = old != null && old.state() == state ? old.since() : now;
        agents.put(agentId, new Agent(state, reason, queues, since));
    }

    private void removed(String agentId, String queue, Instant now) {
        Agent old = agents.get(agentId);
        if (old == null) {
            return;
        }
        Set<String> queues = new TreeSet<>(old.queues());
        queues.remove(queue);
        agents.put(agentId, queues.isEmpty() ? new Agent(State.LOGGED_OUT, "", queues, now)
                : new Agent(old.state(), old.reason(), queues, old.since()));
    }

    private void set(String agentId, State state, String reason, Instant now) {
        Agent old = agents.get(agentId);
        agents.put(agentId, new Agent(state, reason, old == null ? Set.of() : old.queues(), now));
    }

    private static boolean truthy(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }
}
