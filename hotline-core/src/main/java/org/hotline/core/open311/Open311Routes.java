package org.hotline.core.open311;

import io.vertx.core.Future;
import org.hotline.core.http.JsonBodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.hotline.core.http.RateLimiter;
import org.hotline.core.app.PartnerAppeals;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketViews;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: discovery, services, service definitions,
 * requests (POST with api_key, GET list and by id), tokens; each in {@code .json} and {@code .xml};
 * errors as a list of {code, description}. Reading is in {@link Open311Reads}.
 */
public final class Open311Routes {

    static final String BASE = "/open311/v2/";
    private static final String FORMAT = "\\.(?<format>json|xml)";
    private static final Logger LOG = LoggerFactory.getLogger(Open311Routes.class);

    private final Open311Keys keys;
    private final Open311Reads reads;
    private final Open311Submissions submissions;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final Supplier<CategoryCatalog> catalog;

    public Open311Routes(TicketOperations tickets, TicketViews views, Open311Keys keys, AuditLog audit, RateLimiter limiter,
                         Supplier<CategoryCatalog> catalog, Supplier<DepartmentDirectory> departments, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.limiter = limiter;
        this.catalog = catalog;
        this.reads = new Open311Reads(tickets, views, departments, clock);
        this.submissions = new Open311Submissions(new PartnerAppeals(tickets), keys, catalog, clock);
    }

    /** Public Open311 routes; register before the generic problem handler so errors keep Open311's shape. */
    public void mount(Router router) {
        router.route(BASE + "*").failureHandler(ctx -> Open311Answers.error(ctx, ctx.failure(), ctx.statusCode()));
        RateLimiter.Rule perAddress = new RateLimiter.Rule("open311-address", 120, Duration.ofMinutes(1));
        router.route(BASE + "*").handler(limiter.handler(perAddress, RateLimiter::clientAddress));
        router.getWithRegex("/open311/v2/discovery" + FORMAT).handler(this::discovery);
        router.getWithRegex("/open311/v2/services" + FORMAT).handler(this::services);
        router.getWithRegex("/open311/v2/services/(?<code>[0-9A-Za-z_.-]{1,32})" + FORMAT).handler(this::definition);
        router.postWithRegex("/open311/v2/requests" + FORMAT).handler(ctx -> submissions.submit(ctx));
        router.getWithRegex("/open311/v2/requests" + FORMAT).handler(reads::list);
        router.getWithRegex("/open311/v2/requests/(?<id>[0-9A-Za-z-]{1,40})" + FORMAT).handler(reads::one);
        router.getWithRegex("/open311/v2/tokens/(?<token>[0-9A-Za-z-]{1,64})" + FORMAT).handler(this::token);
    }

    /** The administrators' key route (behind the auth handler). */
    public void mountAdmin(Router router) {
        router.post("/api/v1/admin/open311/keys").handler(Authenticated.require(Role.ADMIN)).handler(this::issueKey);
    }

    private void discovery(RoutingContext ctx) {
        String base = ctx.request().scheme() + "://" + ctx.request().authority() + "/open311/v2";
        JsonObject doc = new JsonObject()
            .put("changeset", "2026-11-22T00:00:00Z")
            .put("contact", "12345 政务服务便民热线")
            .put("key_service", "API keys are issued by the hotline administrators (POST /api/v1/admin/open311/keys)")
            .put("endpoints", new JsonArray().add(new JsonObject()
                .put("specification", "http://wiki.open311.org/GeoReport_v2")
                .put("url", base)
                .put("changeset", "2026-11-22T00:00:00Z")
                .put("type", "production")
                .put("formats", new JsonArray().add("text/xml").add("application/json"))));
        Open311Answers.object(ctx, 200, "discovery", doc);
    }

    private void services(RoutingContext ctx) {
        Open311Answers.list(ctx, 200, "services", Open311Mapping.services(catalog.get()));
    }

    private void definition(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        catalog.get().find(code).ifPresentOrElse(
            category -> Open311Answers.object(ctx, 200, "service_definition",
                new JsonObject().put("service_code", category.code()).put("attributes", new JsonArray())),
            () -> ctx.fail(HotlineException.notFound("open311.unknown-service", "service_code not found: " + code)));
    }

    private void token(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        keys.requestOfToken(token)
            .compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(HotlineException.notFound("open311.unknown-token", "token not found"))))
            .onSuccess(id -> Open311Answers.list(ctx, 200, "service_requests",
                new JsonArray().add(new JsonObject().put("service_request_id", id).put("token", token))))
            .onFailure(ctx::fail);
    }

    private void issueKey(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        JsonObject body = JsonBodies.optionalObject(ctx);
        String partner = body.getValue("partner") instanceof String name && !name.isBlank() && name.length() <= 100
            ? name : "partner-" + UUID.randomUUID().toString().substring(0, 8);
        keys.issue(partner, admin)
            .compose(apiKey -> audit.record(AuditLog.Entry.change(admin, "open311.key.issue", "open311-key", partner)).map(apiKey))
            .onSuccess(apiKey -> {
                LOG.info("open311 api key issued [partner={}, by={}]", partner, admin.userId());
                ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("apiKey", apiKey).put("partner", partner).encode());
            })
            .onFailure(ctx::fail);
    }
}
