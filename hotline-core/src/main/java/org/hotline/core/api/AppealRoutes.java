package org.hotline.core.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.hotline.core.app.CitizenAppeals;
import org.hotline.core.app.TicketViews;
import org.hotline.core.error.HotlineException;
import org.hotline.core.http.RateLimiter;

/**
 * The citizens' public routes: web/app/WeChat intake, progress by number + query code, rating
 * ({@link CitizenAppeals}). No token; each is rate-limited per client address, intake also per phone
 * number.
 */
public final class AppealRoutes {

    private final CitizenAppeals appeals;
    private final TicketViews views;
    private final RateLimiter limiter;
    private final ApiConfig config;
    private final RateLimiter.Rule perAddress;
    private final RateLimiter.Rule perPhone;

    AppealRoutes(CitizenAppeals appeals, TicketViews views, RateLimiter limiter, ApiConfig config) {
        this.appeals = appeals;
        this.views = views;
        this.limiter = limiter;
        this.config = config;
        this.perAddress = new RateLimiter.Rule("intake-address", config.intakePerAddress(), config.intakeWindow());
        this.perPhone = new RateLimiter.Rule("intake-phone", config.intakePerPhone(), config.phoneWindow());
    }

    /**
     * Mounted before the schema check of the public routes: a body the document refuses must still
     * count against the client's address, or a flood of broken requests would never be limited.
     */
    public void mountIntake(Router router, Consumer<RoutingContext> schemaCheck) {
        router.post("/api/v1/appeals").handler(ctx -> submit(ctx, schemaCheck));
    }

    public void mount(Router router) {
        RateLimiter.Rule lookups = new RateLimiter.Rule("progress-address", Math.max(60, config.intakePerAddress()), Duration.ofMinutes(1));
        router.get("/api/v1/appeals/:ticketNumber").handler(limiter.handler(lookups, RateLimiter::clientAddress)).handler(this::progress);
        router.post("/api/v1/appeals/:ticketNumber/rating").handler(limiter.handler(lookups, RateLimiter::clientAddress)).handler(this::rate);
    }

    /**
     * Both intake counters (address, then phone) go to Redis in one round trip. A body that cannot be
     * read still counts against the address, so a flood of broken requests is limited too.
     */
    private void submit(RoutingContext ctx, Consumer<RoutingContext> schemaCheck) {
        RateLimiter.Hit byAddress = new RateLimiter.Hit(perAddress, RateLimiter.clientAddress(ctx));
        CitizenAppeals.Intake intake;
        try {
            schemaCheck.accept(ctx);
            intake = appeals.read(JsonBodies.read(ctx, CitizenAppeals.AppealRequest.class));
        } catch (HotlineException invalid) {
            limiter.hitAll(List.of(byAddress))
                .onSuccess(ignored -> ctx.fail(invalid))
                .onFailure(limited -> RateLimiter.fail(ctx, limited));
            return;
        }
        String phone = intake.appeal().caller().phone();
        limiter.hitAll(List.of(byAddress, new RateLimiter.Hit(perPhone, phone)))
            .compose(ignored -> appeals.submit(intake))
            .map(receipt -> {
                JsonObject body = new JsonObject().put("ticketNumber", receipt.ticket().number().value())
                    .put("queryCode", receipt.ticket().queryCode().value());
                receipt.advice().ifPresent(text -> body.put("advice", text));
                return body;
            })
            .onSuccess(receipt -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(receipt.encode()))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    private void progress(RoutingContext ctx) {
        appeals.progress(ctx.pathParam("ticketNumber"), ctx.queryParams().get("queryCode"))
            .onSuccess(ticket -> json(ctx, 200, views.progressView(ticket)))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    private void rate(RoutingContext ctx) {
        CitizenAppeals.RatingRequest request = JsonBodies.read(ctx, CitizenAppeals.RatingRequest.class);
        appeals.rate(ctx.pathParam("ticketNumber"), request)
            .onSuccess(ticket -> json(ctx, 200, views.progressView(ticket)))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
