package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.core.app.DataScope;
import org.hotline.core.app.Requests;
import org.hotline.core.app.StaffTickets;
import org.hotline.core.app.TicketViews;
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

    private static final Role[] CENTER = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final StaffTickets staff;
    private final TicketViews views;
    private final DataScope scope;
    private final TicketActions actions;

    TicketRoutes(StaffTickets staff, TicketViews views, DataScope scope, TicketActions actions) {
        this.staff = staff;
        this.views = views;
        this.scope = scope;
        this.actions = actions;
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
        staff.file(agent, new StaffTickets.Filing(appeal, request.callId(), request.idempotencyKey(), request.directAnswer(),
                request.mergeInto(), request.mergeReason()))
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
        int limit = QueryParams.intParam(ctx.queryParams().get("limit"), 20, 1, 100, "limit");
        staff.callerHistory(actor, phone, limit)
            .onSuccess(list -> AppealRoutes.json(ctx, 200, items(list, actor)))
            .onFailure(ctx::fail);
    }

    private void inbox(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        int page = QueryParams.intParam(ctx.queryParams().get("page"), 0, 0, 100, "page");
        int size = QueryParams.intParam(ctx.queryParams().get("size"), 20, 1, 100, "size");
        TicketStatus status = status(ctx.queryParams().get("status"));
        staff.inbox(actor, page, size, status)
            .onSuccess(inbox -> AppealRoutes.json(ctx, 200,
                items(inbox.items(), actor).put("page", page).put("size", size).put("hasMore", inbox.hasMore())))
            .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        staff.read(ctx.pathParam("id"), actor)
            .onSuccess(ticket -> AppealRoutes.json(ctx, 200, view(ticket, actor)))
            .onFailure(ctx::fail);
    }

    private void deadlines(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        staff.inScope(ctx.pathParam("id"), actor)
            .onSuccess(ticket -> {
                JsonObject snapshot = views.snapshot(ticket);
                AppealRoutes.json(ctx, 200, new JsonObject().put("ticketId", ticket.id().value()).put("number", ticket.number().value())
                    .put("status", ticket.status().name()).put("clocks", views.clocks(ticket, snapshot.getJsonObject("clocks"))));
            })
            .onFailure(ctx::fail);
    }

    private void events(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        staff.events(ctx.pathParam("id"), actor)
            .onSuccess(history -> AppealRoutes.json(ctx, 200, TicketHistoryView.of(history.ticket(), history.events(), actor)))
            .onFailure(ctx::fail);
    }

    private void act(RoutingContext ctx, String name) {
        Actor actor = Authenticated.actor(ctx);
        TicketActions.Action<?> action = actions.find(name)
            .orElseThrow(() -> HotlineException.notFound("request.not-found", "不支持的工单操作：" + name));
        Object body = ctx.body().length() == 0 && action.body() == TicketActions.Empty.class
            ? new TicketActions.Empty() : JsonBodies.read(ctx, action.body());
        Command command = action.toCommand(body);
        staff.act(ctx.pathParam("id"), name, command, actor)
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
