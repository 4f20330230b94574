package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.app.EditTimePolicy;
import org.hotline.core.app.TicketService;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.core.wire.SeedLoader;

/**
 * Reference data for staff clients (departments, catalog) and the administrators' calendar upload:
 * a State Council holiday year (holiday-cn JSON) added to the working-day calendar at run time.
 */
public final class AdminRoutes {

    private static final Role[] STAFF = {Role.AGENT, Role.DISPATCHER, Role.DEPARTMENT, Role.SUPERVISOR, Role.ADMIN};

    private final TicketService service;
    private final EditTimePolicy policy;

    AdminRoutes(TicketService service, EditTimePolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    public void mount(Router router) {
        router.get("/api/v1/departments").handler(Authenticated.require(STAFF)).handler(this::departments);
        router.get("/api/v1/catalog").handler(Authenticated.require(STAFF)).handler(this::catalog);
        router.post("/api/v1/admin/calendar").handler(Authenticated.require(Role.ADMIN)).handler(this::addHolidayYear);
        router.get("/api/v1/admin/calendar").handler(Authenticated.require(Role.ADMIN, Role.SUPERVISOR)).handler(this::calendar);
        router.get("/api/v1/admin/time-limits").handler(Authenticated.require(Role.ADMIN, Role.SUPERVISOR)).handler(this::timeLimits);
        router.put("/api/v1/admin/time-limits").handler(Authenticated.require(Role.ADMIN)).handler(this::replaceTimeLimits);
    }

    /** Every unit, inactive ones too (old tickets name them), each with its {@code active} flag. */
    private void departments(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        service.seed().departments().all().forEach(d -> items.add(DirectoryRoutes.departmentView(d)));
        // the hotline's time zone travels with the directory: pages show every time in it, as ticket numbers are
        AppealRoutes.json(ctx, 200, new JsonObject().put("items", items).put("zone", service.seed().calendar().zone().getId()));
    }

    /** The categories that can be chosen; {@code includeRetired=true} adds the retired ones (flagged). */
    private void catalog(RoutingContext ctx) {
        boolean retiredToo = "true".equals(ctx.queryParams().get("includeRetired"));
        var catalog = service.seed().categories();
        JsonArray items = new JsonArray();
        catalog.entries().stream().filter(e -> retiredToo || !e.retired())
            .forEach(e -> items.add(DirectoryRoutes.categoryView(catalog, e)));
        AppealRoutes.json(ctx, 200, new JsonObject().put("items", items));
    }

    /** A holiday year for every node: saved in Redis, applied here at once and by the others on their next poll. */
    private void addHolidayYear(RoutingContext ctx) {
        String body = body(ctx);
        Integer year = yearOf(body);
        policy.addHolidayYear(Authenticated.actor(ctx), year, body)
            .onSuccess(done -> AppealRoutes.json(ctx, 200, new JsonObject().put("year", year).put("applied", true)))
            .onFailure(ctx::fail);
    }

    private void calendar(RoutingContext ctx) {
        var calendar = service.seed().calendar();
        var today = java.time.LocalDate.now(service.clock().withZone(calendar.zone()));
        AppealRoutes.json(ctx, 200, new JsonObject().put("zone", calendar.zone().getId())
            .put("years", new JsonArray(calendar.years().stream().sorted().map(Object.class::cast).toList()))
            .put("warnings", new JsonArray(calendar.warnings(today).stream().map(Object.class::cast).toList())));
    }

    private void timeLimits(RoutingContext ctx) {
        AppealRoutes.json(ctx, 200, new JsonObject(SeedLoader.timeLimitsJson(service.seed().timeLimits())));
    }

    /** The whole table at once (the seed's time-limits.json shape), first matching rule wins; the last must match all. */
    private void replaceTimeLimits(RoutingContext ctx) {
        policy.replaceTimeLimits(Authenticated.actor(ctx), body(ctx))
            .onSuccess(done -> timeLimits(ctx))
            .onFailure(ctx::fail);
    }

    private static String body(RoutingContext ctx) {
        return JsonBodies.strictUtf8(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
    }

    private static Integer yearOf(String body) {
        try {
            Object year = new JsonObject(body).getValue("year");
            if (year instanceof Integer value && value >= 2000 && value <= 2100) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below with the same message
        }
        throw HotlineException.invalid("calendar.invalid-file", "节假日文件须为 JSON 且含 2000 到 2100 之间的 year");
    }
}
