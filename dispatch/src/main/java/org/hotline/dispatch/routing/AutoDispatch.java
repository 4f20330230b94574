package org.hotline.dispatch.routing;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.app.TicketService;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Category;
import org.hotline.core.model.Command;
import org.hotline.core.model.Location;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.TicketId;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.Handled;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches received appeals without a human when it can: for every {@code TicketReceived} on the
 * event stream (consumer group {@value #GROUP}, so one process handles each), classify the text, apply
 * the routing policy, then Classify + Assign through the ticket service with the explanation as the
 * reason; otherwise put the ticket in the dispatcher queue with the suggestions. A later
 * assignment, direct answer, closing, refusal or merge (by anyone) removes it from the queue.
 * Entries are redelivered after a crash (or claimed from a dead node), so each acts on the CURRENT
 * ticket: received is classified and assigned, classified (by the node that died) only assigned,
 * anything else is already decided and leaves the queue.
 */
public final class AutoDispatch implements BatchHandler<TicketEventEntry> {

    public static final String GROUP = "dispatch-auto";
    private static final Logger LOG = LoggerFactory.getLogger(AutoDispatch.class);
    private static final Actor DISPATCH = Actor.system("auto-dispatch");
    /** Entries per read: a page is classified as a whole, the classifier being the slow part. */
    public static final int PAGE = 50;
    /** Below the groups' claim idle time, so a page waiting for the model is not taken by another node. */
    private static final Duration READY_WAIT = Duration.ofSeconds(30);
    /** After these a ticket no longer waits for a dispatcher. */
    private static final Set<TicketEventType> LEAVES_THE_QUEUE = EnumSet.of(TicketEventType.TICKET_ASSIGNED,
            TicketEventType.TICKET_ANSWERED_DIRECTLY, TicketEventType.TICKET_CLOSED, TicketEventType.TICKET_NOT_ACCEPTED,
            TicketEventType.TICKET_MERGED);
    private static final Set<String> AWAITING_DISPATCH = Set.of(TicketStatus.RECEIVED.name(), TicketStatus.CLASSIFIED.name());

    private final Classifier classifier;
    private final RedisRoutingRules rules;
    private final RedisAutoAssignPolicy policies;
    private final TicketService tickets;
    private final DispatcherQueue queue;
    private final org.hotline.dispatch.duplicate.HotSpotDetector hotSpots;
    private final Clock clock;

    public AutoDispatch(Classifier classifier, RedisRoutingRules rules, RedisAutoAssignPolicy policies, TicketService tickets,
            DispatcherQueue queue, org.hotline.dispatch.duplicate.HotSpotDetector hotSpots, Clock clock) {
        this.classifier = classifier;
        this.rules = rules;
        this.policies = policies;
        this.tickets = tickets;
        this.queue = queue;
        this.hotSpots = hotSpots;
        this.clock = clock;
    }

    /** The group starts at "$": appeals received before the first start are left to the dispatchers. */
    public ConsumerGroup<TicketEventEntry> group(RedisAsyncCommands<String, String> redis, String consumer, Duration poll) {
        return TicketEventEntry.consumerGroup(redis, GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, false)
                .page(PAGE).idle(poll), this);
    }

    /**
     * A ticket that cannot be dispatched is left to the dispatchers, never retried forever. A page
     * waits (bounded) for the classifier's first model so a restarted node's backlog is not judged on
     * keyword rules alone.
     */
    @Override
    public Future<Handled> handle(List<TicketEventEntry> messages) {
        return classifier.ready().timeout(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .recover(late -> {
                    LOG.warn("classifier not ready, dispatching with what it has [reason={}]", late.toString());
                    return Future.succeededFuture();
                })
                .compose(ready -> handleAll(messages)).map(Handled.all());
    }

    private Future<Void> handleAll(List<TicketEventEntry> messages) {
        List<Future<Void>> handled = new ArrayList<>();
        messages.forEach(m -> handled.add(handle(m).recover(failure -> {
            LOG.warn("auto-dispatch left a ticket alone [ticket={}, reason={}]", m.ticketId(), failure.toString());
            return Future.succeededFuture();
        })));
        return Future.all(handled).mapEmpty();
    }

    private Future<Void> handle(TicketEventEntry message) {
        String ticketId = message.ticketId();
        if (LEAVES_THE_QUEUE.contains(message.type())) {
            return queue.remove(ticketId);
        }
        if (!message.is(TicketEventType.TICKET_RECEIVED)) {
            return Future.succeededFuture();
        }
        // the snapshot is the one after the whole commit: an appeal answered or merged at filing is born decided
        if (!AWAITING_DISPATCH.contains(message.ticket().status())) {
            return Future.succeededFuture();
        }
        // a redelivered entry (its first reader died) may find the ticket classified or assigned since
        return tickets.findById(new TicketId(ticketId))
                .compose(found -> found.map(this::dispatch).orElseGet(Future::succeededFuture));
    }

    private Future<Void> dispatch(Ticket ticket) {
        return switch (ticket.status()) {
            case RECEIVED, CLASSIFIED -> {
                Location location = ticket.location();
                String text = LabelledText.appealText(ticket.title(), ticket.content(), location.address());
                yield classifier.suggest(text, 3).compose(suggestions -> rules.all().compose(all ->
                        policies.current().compose(thresholds -> decide(ticket, suggestions, all, new RoutingPolicy(thresholds)))));
            }
            default -> queue.remove(ticket.id().value());
        };
    }

    private Future<Void> decide(Ticket ticket, List<Suggestion> suggestions, List<RoutingRule> all, RoutingPolicy policy) {
        String ticketId = ticket.id().value();
        if (suggestions.isEmpty()) {
            return enqueue(ticket.id(), suggestions, "no-category", "分类目录为空，无法给出分类建议");
        }
        Location location = ticket.location();
        boolean classified = ticket.status() == TicketStatus.CLASSIFIED && ticket.category() != null;
        // an already classified ticket keeps its category: it is routed with the model's confidence in it
        Suggestion best = classified ? suggestions.stream().filter(s -> s.category().equals(ticket.category().code()))
                .findFirst().orElse(new Suggestion(ticket.category().code(), ticket.category().name(), 0, null, "classified"))
                : suggestions.get(0);
        if (!classified) {
            hotSpots.record(location.district(), best.category(), ticketId, clock.instant())
                    .onFailure(failure -> LOG.warn("hot-spot count failed [reason={}]", failure.toString()));
        }
        RoutingDecision decision = policy.decide(best.category(), best.confidence(), location.district(),
                location.street(), all, clock.instant());
        // a category the history import created is not in the service catalog: its rule names the catalog category
        Optional<Category> category = classified ? Optional.of(ticket.category())
                : tickets.seed().categories().find(best.category()).or(() ->
                        decision instanceof RoutingDecision.AutoAssign mapped && mapped.ticketCategory() != null
                                ? tickets.seed().categories().find(mapped.ticketCategory()) : Optional.empty());
        if (decision instanceof RoutingDecision.AutoAssign assign && category.isPresent()) {
            Future<Ticket> classifiedNow = classified ? Future.succeededFuture(ticket)
                    : tickets.apply(ticket.id(), new Command.Classify(category.get(), null, null, classification(best)), DISPATCH);
            return assign(classifiedNow, ticket.id(), assign)
                    .recover(failure -> enqueue(ticket.id(), suggestions, "assign-failed", failure.getMessage()));
        }
        if (decision instanceof RoutingDecision.ToDispatcher d) {
            return enqueue(ticket.id(), suggestions, d.reason(), d.explanation());
        }
        return enqueue(ticket.id(), suggestions, "unknown-category", "分类 " + best.category()
                + " 不在分类目录中：请管理员在它的派单规则中填写对应的目录分类（ticketCategory），之后即可自动派单");
    }

    private static String classification(Suggestion best) {
        return "自动分类（" + best.basis() + "，置信度 " + String.format("%.2f", best.confidence()) + "）";
    }

    private Future<Void> assign(Future<Ticket> classified, TicketId id, RoutingDecision.AutoAssign assign) {
        return classified
                .compose(t -> tickets.apply(id, new Command.Assign(assign.lead(), Set.copyOf(assign.assisting()),
                        assign.explanation()), DISPATCH))
                .onSuccess(t -> LOG.info("ticket dispatched automatically [ticket={}, rule={}@{}]", id.value(),
                        assign.ruleId(), assign.ruleVersion()))
                .mapEmpty();
    }

    /** Only a ticket still awaiting dispatch waits: a refused command may mean someone else decided it meanwhile. */
    private Future<Void> enqueue(TicketId id, List<Suggestion> suggestions, String reason, String explanation) {
        return tickets.findById(id).compose(now -> now.isPresent() && AWAITING_DISPATCH.contains(now.get().status().name())
                ? enqueue(id.value(), suggestions, reason, explanation) : queue.remove(id.value()));
    }

    private Future<Void> enqueue(String ticketId, List<Suggestion> suggestions, String reason, String explanation) {
        JsonArray ranked = new JsonArray();
        suggestions.forEach(s -> ranked.add(s.toJson()));
        return queue.enqueue(ticketId, new JsonObject().put("suggestions", ranked).put("reason", reason)
                .put("explanation", explanation).put("borderline", Classifier.isBorderline(suggestions)), clock.instant());
    }
}
