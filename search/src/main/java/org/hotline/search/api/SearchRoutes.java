package org.hotline.search.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Instant;
import java.util.function.Function;
import org.hotline.core.api.Problems;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSort;

/**
 * The search API under {@code /api/v1/search}. Expects the service API's authentication handler to
 * have run on {@code /api/v1/*} ({@link Authenticated}); every hit is limited to the actor's data
 * scope and masked for the actor, and every answer is audited as a personal-data read
 * ({@link SearchAudit}) before it is sent.
 */
public final class SearchRoutes {

    private static final Role[] STAFF = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT};
    private static final Role[] CENTER = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final TicketSearch search;
    private final ZoneId zone;
    private final Function<Actor, SearchScope> scopes;
    private final Clock clock;
    private final SearchAudit audit;

    public SearchRoutes(TicketSearch search, ZoneId zone, Function<Actor, SearchScope> scopes, Clock clock, AuditLog audit) {
        this.search = search;
        this.zone = zone;
        this.scopes = scopes;
        this.clock = clock;
        this.audit = new SearchAudit(audit);
    }

    public Router mount(Router router) {
        router.route("/api/v1/search/*").failureHandler(Problems.failureHandler());
        router.get("/api/v1/search/tickets").handler(Authenticated.require(STAFF)).handler(this::tickets);
        router.get("/api/v1/search/callers/:phone/tickets").handler(Authenticated.require(CENTER)).handler(this::callerHistory);
        router.get("/api/v1/search/similar").handler(Authenticated.require(CENTER)).handler(this::similar);
        return router;
    }

    private void tickets(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        Instant now = clock.instant();
        var query = new TicketQuery(p.text("q"), p.text("status"), p.text("department"), p.text("category"),
                p.text("district"), p.text("street"), p.text("channel"), p.text("appealType"), p.text("urgency"), null,
                p.from("from"), p.to("to"), p.bool("overdue"), p.text("rating"), now, TicketSort.parse(p.text("sort")),
                p.integer("size", 20), p.text("searchAfter"));
        boolean byNumber = SearchAudit.namesANumber(p.text("q"));
        answer(ctx, actor -> search.search(query, scopes.apply(actor))
                .compose(page -> audit.record(actor, "search.tickets", page.hits(), byNumber).map(page))
                .map(page -> HitJson.page(page, actor, now)));
    }

    private void callerHistory(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        Instant now = clock.instant();
        var query = TicketQuery.text(null, p.integer("size", 20)).withCallerPhone(ctx.pathParam("phone"))
                .withSearchAfter(p.text("searchAfter"));
        answer(ctx, actor -> search.search(query, scopes.apply(actor))
                .compose(page -> audit.record(actor, "search.caller-lookup", page.hits(), true).map(page))
                .map(page -> HitJson.page(page, actor, now)));
    }

    private void similar(RoutingContext ctx) {
        var p = new Params(ctx, zone);
        Instant now = clock.instant();
        int size = Math.min(Math.max(p.integer("size", 5), 1), 20);
        answer(ctx, actor -> search.similar(p.text("text"), p.text("exclude"), size, scopes.apply(actor))
                .compose(hits -> audit.record(actor, "search.similar", hits, SearchAudit.namesANumber(p.text("text"))).map(hits))
                .map(hits -> {
            var array = new JsonArray();
            hits.forEach(h -> array.add(HitJson.hit(h, actor, now)));
            return new JsonObject().put("hits", array);
        }));
    }

    /** Runs the use case for the authenticated actor and answers JSON, or hands the failure to Problems. */
    static void answer(RoutingContext ctx, Function<Actor, Future<JsonObject>> work) {
        Future<JsonObject> result;
        try {
            result = work.apply(Authenticated.actor(ctx));
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode()))
                .onFailure(ctx::fail);
    }
}
