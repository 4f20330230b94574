package org.hotline.dispatch.routing;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.core.app.TicketService;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Category;
import org.hotline.core.model.Command;
import org.hotline.core.model.TicketId;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.Suggestion;
import org.hotline.dispatch.store.TicketEventGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches received appeals without a human when it can: for every {@code TicketReceived} on the
 * event stream (consumer group {@value #GROUP}, so one process handles each), classify the text, apply
 * the routing policy, then Classify + Assign through the ticket service with the explanation as the
 * reason; otherwise put the ticket in the dispatcher queue with the suggestions. A later
 * assignment, direct answer, closing, refusal or merge (by anyone) removes it from the queue.
 */
public final class AutoDispatch extends TicketEventGroup {

    public static final String GROUP = "dispatch-auto";
    private static final Logger LOG = LoggerFactory.getLogger(AutoDispatch.class);
    private static final Actor DISPATCH = Actor.system("auto-dispatch");
    private static final int PAGE = 50;
    /** After these a ticket no longer waits for a dispatcher. */
    private static final Set<String> LEAVES_THE_QUEUE = Set.of("TicketAssigned", "TicketAnsweredDirectly", "TicketClosed",
            "TicketNotAccepted", "TicketMerged");
    private static final Set<String> AWAITING_DISPATCH = Set.of("RECEIVED", "CLASSIFIED");

    private final Classifier classifier;
    private final RedisRoutingRules rules;
    private final RoutingPolicy policy;
    private final TicketService tickets;
    private final DispatcherQueue queue;
    private final org.hotline.dispatch.duplicate.HotSpotDetector hotSpots;
    private final Clock clock;

    /** The group starts at "$": appeals received before the first start are left to the dispatchers. */
    public AutoDispatch(RedisAsyncCommands<String, String> redis, Classifier classifier, RedisRoutingRules rules,
            RoutingPolicy policy, TicketService tickets, DispatcherQueue queue,
            org.hotline.dispatch.duplicate.HotSpotDetector hotSpots, Clock clock, String consumer, Duration pollInterval) {
        super(redis, GROUP, "$", consumer, pollInterval, PAGE);
        this.classifier = classifier;
        this.rules = rules;
        this.policy = policy;
        this.tickets = tickets;
        this.queue = queue;
        this.hotSpots = hotSpots;
        this.clock = clock;
    }

    /** A ticket that cannot be dispatched is left to the dispatchers, never retried forever. */
    @Override
    protected Future<Void> handlePage(List<StreamMessage<String, String>> messages) {
        List<Future<Void>> handled = new ArrayList<>();
        messages.forEach(m -> handled.add(handle(m).recover(failure -> {
            LOG.warn("auto-dispatch left a ticket alone [ticket={}, reason={}]", m.getBody().get("ticketId"), failure.toString());
            return Future.succeededFuture();
        })));
        return Future.all(handled).mapEmpty();
    }

    private Future<Void> handle(StreamMessage<String, String> message) {
        String type = message.getBody().get("type");
        String ticketId = message.getBody().get("ticketId");
        if (LEAVES_THE_QUEUE.contains(type)) {
            return queue.remove(ticketId);
        }
        if (!"TicketReceived".equals(type) || message.getBody().get("ticket") == null) {
            return Future.succeededFuture();
        }
        JsonObject ticket = new JsonObject(message.getBody().get("ticket"));
        // the snapshot is the one after the whole commit: an appeal answered or merged at filing is born decided
        if (!AWAITING_DISPATCH.contains(ticket.getString("status"))) {
            return Future.succeededFuture();
        }
        JsonObject location = ticket.getJsonObject("location", new JsonObject());
        String text = LabelledText.appealText(ticket.getString("title"), ticket.getString("content"),
                location.getString("address"));
        return classifier.suggest(text, 3).compose(suggestions -> rules.all().compose(all ->
                decide(ticketId, suggestions, location, all)));
    }

    private Future<Void> decide(String ticketId, List<Suggestion> suggestions, JsonObject location,
            List<RoutingRule> all) {
        if (suggestions.isEmpty()) {
            return enqueue(ticketId, suggestions, "no-category", "分类目录为空，无法给出分类建议");
        }
        Suggestion best = suggestions.get(0);
        hotSpots.record(location.getString("district"), best.category(), ticketId, clock.instant())
                .onFailure(failure -> LOG.warn("hot-spot count failed [reason={}]", failure.toString()));
        RoutingDecision decision = policy.decide(best.category(), best.confidence(), location.getString("district"),
                location.getString("street"), all, clock.instant());
        var category = tickets.seed().categories().find(best.category());
        if (decision instanceof RoutingDecision.AutoAssign assign && category.isPresent()) {
            return assign(new TicketId(ticketId), category.get(), assign, best)
                    .recover(failure -> enqueue(ticketId, suggestions, "assign-failed", failure.getMessage()));
        }
        String reason = decision instanceof RoutingDecision.ToDispatcher d ? d.reason() : "unknown-category";
        return enqueue(ticketId, suggestions, reason, decision.explanation());
    }

    private Future<Void> assign(TicketId id, Category category, RoutingDecision.AutoAssign assign, Suggestion best) {
        String why = "自动分类（" + best.basis() + "，置信度 " + String.format("%.2f", best.confidence()) + "）";
        return tickets.apply(id, new Command.Classify(category, null, null, why), DISPATCH)
                .compose(t -> tickets.apply(id, new Command.Assign(assign.lead(), Set.copyOf(assign.assisting()),
                        assign.explanation()), DISPATCH))
                .onSuccess(t -> LOG.info("ticket dispatched automatically [ticket={}, rule={}@{}]", id.value(),
                        assign.ruleId(), assign.ruleVersion()))
                .mapEmpty();
    }

    private Future<Void> enqueue(String ticketId, List<Suggestion> suggestions, String reason, String explanation) {
        JsonArray ranked = new JsonArray();
        suggestions.forEach(s -> ranked.add(s.toJson()));
        return queue.enqueue(ticketId, new JsonObject().put("suggestions", ranked).put("reason", reason)
                .put("explanation", explanation), clock.instant());
    }
}
