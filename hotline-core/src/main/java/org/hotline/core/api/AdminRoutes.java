package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.app.TicketService;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.hotline.core.wire.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference data for staff clients (departments, catalog) and the administrators' calendar upload:
 * a State Council holiday year (holiday-cn JSON) added to the working-day calendar at run time.
 */
public final class AdminRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final Role[] STAFF = {Role.AGENT, Role.DISPATCHER, Role.DEPARTMENT, Role.SUPERVISOR, Role.ADMIN};

    private final TicketService service;
    private final AuditLog audit;

    public AdminRoutes(TicketService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/departments").handler(Authenticated.require(STAFF)).handler(this::departments);
        router.get("/api/v1/catalog").handler(Authenticated.require(STAFF)).handler(this::catalog);
        router.post("/api/v1/admin/calendar").handler(Authenticated.require(Role.ADMIN)).handler(this::addHolidayYear);
    }

    private void departments(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        service.seed().departments().all().forEach(d -> items.add(new JsonObject().put("id", d.id()).put("name", d.name())
            .put("parentId", d.parentId()).put("level", d.level().name()).put("functional", d.functional())));
        AppealRoutes.json(ctx, 200, new JsonObject().put("items", items));
    }

    private void catalog(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        service.seed().categories().entries().forEach(e -> items.add(new JsonObject().put("code", e.category().code())
            .put("name", e.category().name()).put("path", e.category().pathText()).put("departments", new JsonArray(e.departments()))));
        AppealRoutes.json(ctx, 200, new JsonObject().put("items", items));
    }

    private void addHolidayYear(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        String body = JsonBodies.strictUtf8(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        Integer year = yearOf(body);
        Seed next;
        try {
            next = SeedLoader.withHolidayYear(service.seed(), body);
        } catch (RuntimeException e) {
            throw HotlineException.invalid("calendar.invalid-file", "节假日文件格式错误，应为 holiday-cn 格式（year, days[name, date, isOffDay]）");
        }
        service.replaceSeed(next);
        LOG.info("holiday year added to the calendar [year={}, by={}]", year, admin.userId());
        audit.record(AuditLog.Entry.change(admin, "calendar.add-year", "calendar", String.valueOf(year)))
            .onSuccess(id -> AppealRoutes.json(ctx, 200, new JsonObject().put("year", year).put("applied", true)))
            .onFailure(ctx::fail);
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
