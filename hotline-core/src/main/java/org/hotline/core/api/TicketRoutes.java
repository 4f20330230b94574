package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.attachment.Evidence;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AllowedCommands;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Role;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketNumber;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.Urgency;

/**
 * Staff routes on tickets (behind the auth handler): agents create from calls and read callers'
 * history, everyone in scope reads a ticket and its deadlines, departments read their inbox, and
 * every role acts through {@code POST /api/v1/tickets/{id}/{action}}. Out-of-scope ids are 404.
 */
public final class TicketRoutes {

    /** Published {callId, ticketId} when a ticket is filed from a call: telephony links the call to it. */
    public static final String CALL_LINKED_ADDRESS = "hotline.ticket.call-linked";

    /** The ticket service reads at most this many tickets at once. */
    private static final int MAX_READ = 200;
    private static final Role[] CENTER = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final TicketOperations tickets;
    private final TicketViews views;
    private final DataScope scope;
    private final AuditLog audit;
    private final TicketActions actions;
    private final Evidence evidence;

    TicketRoutes(TicketOperations tickets, TicketViews views, DataScope scope, AuditLog audit, TicketActions actions, Evidence evidence) {
        this.tickets = tickets;
        this.views = views;
        this.scope = scope;
        this.audit = audit;
        this.actions = actions;
        this.evidence = evidence;
    }

    /**
     * An agent's ticket: from a call (callId) or filed for someone else (assisted filing), with at
     * most one decision taken at filing: {@code directAnswer} (closed at once) or {@code mergeInto}
     * (a ticket id or number; merged at once, {@code mergeReason} optional).
     */
    public record TicketRequest(String channel, String callId, String title, String content, AppealType appealType, Urgency urgency,
                                String phone, String name, Boolean confidential, Boolean anonymous, String district, String street,
                                String community, String address, String idempotencyKey, String directAnswer, String mergeInto,
                                String mergeReason) {
    }

    public void mount(Router router) {
        router.post("/api/v1/tickets").handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR)).handler(this::create);
        router.get("/api/v1/tickets").handler(Authenticated.require(CENTER)).handler(this::callerHistory);
        router.get("/api/v1/inbox").handler(Authenticated.require(Role.DEPARTMENT)).handler(this::inbox);
        router.get("/api/v1/tickets/:id").handler(this::read);
        router.get("/api/v1/tickets/:id/deadlines").handler(this::deadlines);
        router.get("/api/v1/tickets/:id/events").handler(this::events);
        router.post("/api/v1/tickets/:id/sub-assign/withdraw").handler(ctx -> act(ctx, "sub-assign/withdraw"));
        router.post("/api/v1/tickets/:id/:action").handler(ctx -> act(ctx, ctx.pathParam("action")));
    }

    private void create(RoutingContext ctx) {
        Actor agent = Authenticated.actor(ctx);
        TicketRequest request = JsonBodies.read(ctx, TicketRequest.class);
        NewAppeal appeal = Requests.build(() -> toAppeal(request));
        String key = request.callId() != null ? "call:" + request.callId()
            : request.idempotencyKey() == null ? null : "staff:" + agent.userId() + ":" + request.idempotencyKey();
        FilingDecision.of(request, tickets)
            .compose(intake -> tickets.receive(appeal, agent, key, intake))
            .compose(ticket -> request.callId() == null || ticket.callIds().contains(request.callId())
                ? Future.succeededFuture(ticket)
                : tickets.apply(ticket.id(), Requests.build(() -> new Command.LinkCall(request.callId())), agent))
            .compose(ticket -> audit.record(AuditLog.Entry.change(agent, "ticket.create", "ticket", ticket.id().value())).map(ticket))
            .onSuccess(ticket -> announceCallLink(ctx, request.callId(), ticket))
            .onSuccess(ticket -> AppealRoutes.json(ctx, 201, view(ticket, agent)))
            .onFailure(ctx::fail);
    }

    /** The call's side of the link (telephony keeps call → tickets): published on {@link #CALL_LINKED_ADDRESS}. */
    private static void announceCallLink(RoutingContext ctx, String callId, Ticket ticket) {
        if (callId != null) {
            ctx.vertx().eventBus().publish(CALL_LINKED_ADDRESS,
                new io.vertx.core.json.JsonObject().put("callId", callId).put("ticketId", ticket.id().value()));
        }
    }

    private void callerHistory(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        String phone = ctx.queryParams().get("phone");
        if (phone == null || !Caller.isValidPhone(phone)) {
            throw HotlineException.invalid("request.invalid-parameter", "参数 phone 须为有效的电话号码");
        }
        int limit = Requests.intParam(ctx.queryParams().get("limit"), 20, 1, 100, "limit");
        tickets.ofCaller(phone, limit)
            .compose(list -> audit.record(new AuditLog.Entry(actor, "caller.history", "caller", "", true, "ok",
                "tickets=" + list.size())).map(list))
            .onSuccess(list -> AppealRoutes.json(ctx, 200, items(list, actor)))
            .onFailure(ctx::fail);
    }

    private void inbox(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        int page = Requests.intParam(ctx.queryParams().get("page"), 0, 0, 100, "page");
        int size = Requests.intParam(ctx.queryParams().get("size"), 20, 1, 100, "size");
        TicketStatus status = status(ctx.queryParams().get("status"));
        int window = (page + 1) * size + 1;
        List<Future<List<Ticket>>> perUnit = scope.unitsOf(actor.departmentId()).stream()
            .map(unit -> tickets.inbox(unit, 0, Math.min(MAX_READ, status == null ? window : window * 4))).toList();
        Future.all(perUnit)
            .map(all -> merged(perUnit, status))
            .compose(list -> {
                List<Ticket> pageItems = list.stream().skip((long) page * size).limit(size).toList();
                return auditList(actor, "inbox.read", pageItems)
                    .map(shown -> items(shown, actor).put("page", page).put("size", size).put("hasMore", list.size() > (page + 1) * size));
            })
            .onSuccess(body -> AppealRoutes.json(ctx, 200, body))
            .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        inScope(ctx.pathParam("id"), actor)
            .compose(ticket -> audit.record(AuditLog.Entry.read(actor, "ticket", ticket.id().value(),
                TicketViews.showsPersonalData(ticket, actor))).map(ticket))
            .onSuccess(ticket -> AppealRoutes.json(ctx, 200, view(ticket, actor)))
            .onFailure(ctx::fail);
    }

    private void deadlines(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        inScope(ctx.pathParam("id"), actor)
            .onSuccess(ticket -> {
                JsonObject snapshot = views.snapshot(ticket);
                AppealRoutes.json(ctx, 200, new JsonObject().put("ticketId", ticket.id().value()).put("number", ticket.number().value())
                    .put("status", ticket.status().name()).put("clocks", views.clocks(ticket, snapshot.getJsonObject("clocks"))));
            })
            .onFailure(ctx::fail);
    }

    private void events(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        inScope(ctx.pathParam("id"), actor)
            .compose(ticket -> tickets.history(ticket.id()).map(events -> TicketHistoryView.of(ticket, events, actor))
                .compose(view -> audit.record(new AuditLog.Entry(actor, "ticket.events.read", "ticket", ticket.id().value(),
                    TicketViews.showsPersonalData(ticket, actor), "ok", "")).map(view)))
            .onSuccess(view -> AppealRoutes.json(ctx, 200, view))
            .onFailure(ctx::fail);
    }

    private void act(RoutingContext ctx, String name) {
        Actor actor = Authenticated.actor(ctx);
        TicketActions.Action<?> action = actions.find(name)
            .orElseThrow(() -> HotlineException.notFound("request.not-found", "不支持的工单操作：" + name));
        Object body = ctx.body().length() == 0 && action.body() == TicketActions.Empty.class
            ? new TicketActions.Empty() : JsonBodies.read(ctx, action.body());
        Command command = action.toCommand(body);
        inScope(ctx.pathParam("id"), actor)
            .compose(ticket -> evidence.checkReferences(ticket, command).map(ticket))
            .compose(ticket -> tickets.apply(ticket.id(), command, actor))
            // the answer is the ticket view: a personal-data read when it shows the caller in clear
            .compose(ticket -> audit.record(new AuditLog.Entry(actor, "ticket." + name, "ticket", ticket.id().value(),
                TicketViews.showsPersonalData(ticket, actor), "ok", "")).map(ticket))
            .onSuccess(ticket -> AppealRoutes.json(ctx, 200, view(ticket, actor)))
            .onFailure(ctx::fail);
    }

    /** The staff view with {@code allowedActions}: what this actor may do with the ticket now, from the rules themselves. */
    private JsonObject view(Ticket ticket, Actor actor) {
        Set<String> below = new HashSet<>();
        if (actor.departmentId() != null) {
            below.addAll(scope.unitsOf(actor.departmentId()));
            below.remove(actor.departmentId());
        }
        return views.staffView(ticket, actor)
            .put("allowedActions", new JsonArray(actions.namesOf(AllowedCommands.of(ticket, actor, below))));
    }

    /** The ticket when the actor may see it; otherwise the same 404 as for an unknown id. */
    Future<Ticket> inScope(String id, Actor actor) {
        HotlineException notFound = HotlineException.notFound("ticket.not-found", "工单不存在或不在您的办理范围内");
        if (id == null || id.isBlank() || id.length() > 64) {
            return Future.failedFuture(notFound);
        }
        // staff quote the number people read out; the internal id still works
        Future<Optional<Ticket>> lookup = TicketNumber.looksLikeOne(id) ? tickets.findByNumber(id)
            : Future.succeededFuture(id)
                .map(raw -> Requests.build(() -> new TicketId(raw)))
                .recover(bad -> Future.failedFuture(notFound))
                .compose(tickets::findById);
        return lookup
            .compose(found -> found.filter(ticket -> scope.sees(actor, ticket))
                .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound)));
    }

    private List<Ticket> merged(List<Future<List<Ticket>>> perUnit, TicketStatus status) {
        List<Ticket> all = new ArrayList<>();
        perUnit.forEach(future -> all.addAll(future.result()));
        return all.stream()
            .filter(ticket -> status == null || ticket.status() == status)
            .distinct()
            .sorted(Comparator.comparing(this::nearestDue))
            .toList();
    }

    private String nearestDue(Ticket ticket) {
        JsonObject clocks = views.snapshot(ticket).getJsonObject("clocks", new JsonObject());
        return clocks.stream()
            .map(entry -> entry.getValue() instanceof JsonObject clock && clock.getValue("stoppedAt") == null ? clock.getString("dueAt") : null)
            .filter(due -> due != null)
            .min(String::compareTo)
            .orElse("9999");
    }

    /** A list that shows any caller in clear (a department's inbox) is a personal-data read of those tickets. */
    private Future<List<Ticket>> auditList(Actor actor, String action, List<Ticket> list) {
        List<String> clear = list.stream().filter(ticket -> TicketViews.showsPersonalData(ticket, actor)).map(t -> t.id().value()).toList();
        return clear.isEmpty() ? Future.succeededFuture(list)
            : audit.record(new AuditLog.Entry(actor, action, "ticket", "", true, "ok", "tickets=" + String.join(",", clear))).map(list);
    }

    private JsonObject items(List<Ticket> list, Actor actor) {
        return new JsonObject().put("items", new JsonArray(list.stream().map(ticket -> (Object) view(ticket, actor)).toList()));
    }

    private static TicketStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("request.invalid-parameter", "参数 status 不是有效的工单状态");
        }
    }

    private static NewAppeal toAppeal(TicketRequest r) {
        Channel channel = r.channel() == null ? Channel.PHONE : Channel.valueOf(r.channel());
        boolean anonymous = Boolean.TRUE.equals(r.anonymous());
        Caller caller = new Caller(r.name(), r.phone(), Boolean.TRUE.equals(r.confidential()), anonymous);
        Location location = new Location(r.district(), r.street(), r.community(), r.address(), null, null);
        Urgency urgency = r.urgency() == null ? Urgency.NORMAL : r.urgency();
        return new NewAppeal(channel, r.appealType(), urgency, r.title(), r.content(), caller, location, List.of());
    }
}
