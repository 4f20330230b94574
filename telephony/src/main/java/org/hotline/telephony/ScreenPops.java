package org.hotline.telephony;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The screen pop an agent gets on answering: the caller's recent tickets. The history is fetched when
 * the caller joins the queue, while the citizen waits, so the first pop carries it. If it is still
 * not there {@value #FIRST_POP_WAIT_MS} ms after the answer, the pop goes without it (flag
 * {@code historyPending}) and a {@code screen-pop-update} with the tickets follows when they arrive;
 * nothing is dropped for being slow.
 */
final class ScreenPops {

    static final long FIRST_POP_WAIT_MS = 2_000;
    static final int HISTORY_TICKETS = 5;

    private final CallerHistory history;
    private final Map<String, Future<JsonArray>> fetched = new ConcurrentHashMap<>();

    ScreenPops(CallerHistory history) {
        this.history = history;
    }

    /** The caller waits in a queue: their history is fetched now. */
    void queued(String callId, String caller) {
        if (!caller.isEmpty()) {
            fetched.computeIfAbsent(callId, id -> safely(caller));
        }
    }

    /** The call ended (answered or not): its fetched history is no longer needed. */
    void ended(String callId) {
        fetched.remove(callId);
    }

    /** An agent answered: {@code publish} gets the pop, and later an update if the history was late. */
    void answered(CallSignal.Answered a, Consumer<JsonObject> publish) {
        Future<JsonArray> tickets = fetched.remove(a.callId());
        Future<JsonArray> history = tickets != null ? tickets : safely(a.caller());
        history.timeout(FIRST_POP_WAIT_MS, TimeUnit.MILLISECONDS).onComplete(inTime -> {
            if (inTime.succeeded()) {
                publish.accept(pop(a, "screen-pop", inTime.result()));
            } else {
                publish.accept(pop(a, "screen-pop", new JsonArray()).put("historyPending", true));
                history.onSuccess(late -> publish.accept(pop(a, "screen-pop-update", late)));
            }
        });
    }

    /** A failed lookup is an empty history (the agent still gets the call), never a missing pop. */
    private Future<JsonArray> safely(String caller) {
        if (caller.isEmpty()) {
            return Future.succeededFuture(new JsonArray());
        }
        try {
            return history.recentTickets(caller, HISTORY_TICKETS).otherwise(failure -> new JsonArray());
        } catch (RuntimeException refused) {
            return Future.succeededFuture(new JsonArray());
        }
    }

    private static JsonObject pop(CallSignal.Answered a, String type, JsonArray tickets) {
        return new JsonObject().put("type", type).put("callId", a.callId()).put("caller", a.caller())
                .put("queue", a.queue()).put("answeredAt", a.at().toString()).put("tickets", tickets);
    }
}
