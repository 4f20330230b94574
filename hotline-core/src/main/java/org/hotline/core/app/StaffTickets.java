package org.hotline.core.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.core.attachment.Evidence;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketNumber;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.port.StreamEvent;

/**
 * What staff do with tickets: agents file them (from a call or for someone else, with the decision
 * taken at filing) and read a caller's history, everyone in scope reads a ticket and its events and
 * acts on it, departments read their inbox. A ticket out of the actor's scope is the same NOT_FOUND
 * as an unknown one, so its existence does not leak; each read of personal data and each change is
 * audited.
 */
public final class StaffTickets {

    /** The ticket service reads at most this many tickets at once. */
    private static final int MAX_READ = 200;

    private final TicketOperations tickets;
    private final TicketViews views;
    private final DataScope scope;
    private final AuditLog audit;
    private final Evidence evidence;

    public StaffTickets(TicketOperations tickets, TicketViews views, DataScope scope, AuditLog audit, Evidence evidence) {
        this.tickets = tickets;
        this.views = views;
        this.scope = scope;
        this.audit = audit;
        this.evidence = evidence;
    }

    /** A new ticket's filing: who files it, under which idempotency key and with which decision taken at once. */
    public record Filing(NewAppeal appeal, String callId, String idempotencyKey, String directAnswer, String mergeInto,
                         String mergeReason) {
    }

    /** One page of an inbox, nearest deadline first, and whether another follows. */
    public record InboxPage(List<Ticket> items, boolean hasMore) {
    }

    /** A ticket with its committed events, oldest first. */
    public record History(Ticket ticket, List<StreamEvent> events) {
    }

    /**
     * Files the ticket (a call's ticket once per call, a staff key once per agent) with its intake
     * decision ({@code directAnswer} or {@code mergeInto}), links the call to it, and audits the creation.
     */
    public Future<Ticket> file(Actor agent, Filing filing) {
        String key = filing.callId() != null ? "call:" + filing.callId()
            : filing.idempotencyKey() == null ? null : "staff:" + agent.userId() + ":" + filing.idempotencyKey();
        return FilingDecision.of(filing.directAnswer(), filing.mergeInto(), filing.mergeReason(), tickets)
            .compose(intake -> tickets.receive(filing.appeal(), agent, key, intake))
            .compose(ticket -> filing.callId() == null || ticket.callIds().contains(filing.callId())
                ? Future.succeededFuture(ticket)
                : tickets.apply(ticket.id(), Requests.build(() -> new Command.LinkCall(filing.callId())), agent))
            .compose(ticket -> audit.record(AuditLog.Entry.change(agent, "ticket.create", "ticket", ticket.id().value())).map(ticket));
    }

    /** A caller's tickets, newest first; the look-up is audited with how many were shown. */
    public Future<List<Ticket>> callerHistory(Actor actor, String phone, int limit) {
        return tickets.ofCaller(phone, limit)
            .compose(list -> audit.record(new AuditLog.Entry(actor, "caller.history", "caller", "", true, "ok",
                "tickets=" + list.size())).map(list));
    }

    /** The actor's unit's and its sub-units' tickets, in {@code status} when given. */
    public Future<InboxPage> inbox(Actor actor, int page, int size, TicketStatus status) {
        int window = (page + 1) * size + 1;
        List<Future<List<Ticket>>> perUnit = scope.unitsOf(actor.departmentId()).stream()
            .map(unit -> tickets.inbox(unit, 0, Math.min(MAX_READ, status == null ? window : window * 4))).toList();
        return Future.all(perUnit)
            .map(all -> merged(perUnit, status))
            .compose(list -> auditList(actor, "inbox.read", list.stream().skip((long) page * size).limit(size).toList())
                .map(shown -> new InboxPage(shown, list.size() > (page + 1) * size)));
    }

    /** A list that shows any caller in clear (a department's inbox) is a personal-data read of those tickets. */
    private Future<List<Ticket>> auditList(Actor actor, String action, List<Ticket> list) {
        List<String> clear = list.stream().filter(ticket -> TicketViews.showsPersonalData(ticket, actor)).map(t -> t.id().value()).toList();
        return clear.isEmpty() ? Future.succeededFuture(list)
            : audit.record(new AuditLog.Entry(actor, action, "ticket", "", true, "ok", "tickets=" + String.join(",", clear))).map(list);
    }

    /** The ticket in scope; the read is audited, saying whether it showed personal data. */
    public Future<Ticket> read(String id, Actor actor) {
        return inScope(id, actor)
            .compose(ticket -> audit.record(AuditLog.Entry.read(actor, "ticket", ticket.id().value(),
                TicketViews.showsPersonalData(ticket, actor))).map(ticket));
    }

    /** The ticket in scope with its events; audited like a read. */
    public Future<History> events(String id, Actor actor) {
        return inScope(id, actor)
            .compose(ticket -> tickets.history(ticket.id()).map(events -> new History(ticket, events)))
            .compose(history -> audit.record(new AuditLog.Entry(actor, "ticket.events.read", "ticket", history.ticket().id().value(),
                TicketViews.showsPersonalData(history.ticket(), actor), "ok", "")).map(history));
    }

    /** Decides and stores {@code command} (the action {@code name}) on the ticket in scope, audited. */
    public Future<Ticket> act(String id, String name, Command command, Actor actor) {
        return inScope(id, actor)
            .compose(ticket -> evidence.checkReferences(ticket, command).map(ticket))
            .compose(ticket -> tickets.apply(ticket.id(), command, actor))
            // the answer is the ticket view: a personal-data read when it shows the caller in clear
            .compose(ticket -> audit.record(new AuditLog.Entry(actor, "ticket." + name, "ticket", ticket.id().value(),
                TicketViews.showsPersonalData(ticket, actor), "ok", "")).map(ticket));
    }

    /** The ticket when the actor may see it; otherwise the same NOT_FOUND as for an unknown id. */
    public Future<Ticket> inScope(String id, Actor actor) {
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
}
