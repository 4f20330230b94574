package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.FailedAttempts;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;

/**
 * The citizens' public routes: web/app/WeChat intake, progress by number + query code, rating.
 * No token; each is rate-limited per client address, intake also per phone number.
 */
public final class AppealRoutes {

    /** A resubmission of the same appeal from the same phone within this time is the same ticket. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final TicketOperations tickets;
    private final TicketViews views;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final FailedAttempts attempts;
    private final FailedAttempts.Policy queryCodes;
    private final ApiConfig config;
    private final Clock clock;
    private final RateLimiter.Rule perAddress;
    private final RateLimiter.Rule perPhone;
    private volatile IntakeAdvice advice = IntakeAdvice.none();

    public AppealRoutes(TicketOperations tickets, TicketViews views, AuditLog audit, RateLimiter limiter, FailedAttempts attempts,
                        ApiConfig config, Clock clock) {
        this.tickets = tickets;
        this.views = views;
        this.audit = audit;
        this.limiter = limiter;
        this.attempts = attempts;
        this.queryCodes = new FailedAttempts.Policy("query-code", config.attempts().queryCodeFailuresPerTicket(),
            config.attempts().queryCodePeriod(), "appeal.query-code-locked", "该工单查询码错误次数过多，请稍后再试或拨打 12345 查询");
        this.config = config;
        this.clock = clock;
        this.perAddress = new RateLimiter.Rule("intake-address", config.intakePerAddress(), config.intakeWindow());
        this.perPhone = new RateLimiter.Rule("intake-phone", config.intakePerPhone(), config.phoneWindow());
    }

    /** The public web intake body; unknown fields are refused. */
    public record AppealRequest(String title, String content, AppealType appealType, String phone, String name,
                                String district, String address, Boolean confidential, String idempotencyKey, String channel) {
    }

    public record RatingRequest(String queryCode, Satisfaction satisfaction, Resolution resolution, String comment) {
    }

    /** Set once while wiring, before the first request. */
    void adviseWith(IntakeAdvice intakeAdvice) {
        this.advice = intakeAdvice;
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
        Intake intake;
        try {
            schemaCheck.accept(ctx);
            intake = read(ctx);
        } catch (HotlineException invalid) {
            limiter.hitAll(List.of(byAddress))
                .onSuccess(ignored -> ctx.fail(invalid))
                .onFailure(limited -> RateLimiter.fail(ctx, limited));
            return;
        }
        AppealRequest request = intake.request();
        String phone = intake.appeal().caller().phone();
        limiter.hitAll(List.of(byAddress, new RateLimiter.Hit(perPhone, phone)))
            .compose(ignored -> tickets.receive(intake.appeal(), Actor.citizen("citizen:" + phone), intake.key()))
            .compose(ticket -> adviceFor(request).map(told -> {
                JsonObject receipt = new JsonObject().put("ticketNumber", ticket.number().value())
                    .put("queryCode", ticket.queryCode().value());
                told.ifPresent(text -> receipt.put("advice", text));
                return receipt;
            }))
            .onSuccess(receipt -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(receipt.encode()))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    private record Intake(AppealRequest request, NewAppeal appeal, String key) {
    }

    private Intake read(RoutingContext ctx) {
        AppealRequest request = JsonBodies.read(ctx, AppealRequest.class);
        NewAppeal appeal = Requests.build(() -> toAppeal(request));
        return new Intake(request, appeal, idempotencyKey(request, appeal));
    }

    /** The appeal is already stored: advice that cannot be computed now is left out, never an error. */
    private Future<java.util.Optional<String>> adviceFor(AppealRequest request) {
        return advice.adviceFor(request.title(), request.content()).otherwise(java.util.Optional.empty());
    }

    private void progress(RoutingContext ctx) {
        String queryCode = ctx.queryParams().get("queryCode");
        findWithCode(ctx.pathParam("ticketNumber"), queryCode)
            .compose(ticket -> audit.record(AuditLog.Entry.read(Actor.citizen("citizen"), "ticket", ticket.id().value(), false)).map(ticket))
            .onSuccess(ticket -> json(ctx, 200, views.progressView(ticket)))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    private void rate(RoutingContext ctx) {
        RatingRequest request = JsonBodies.read(ctx, RatingRequest.class);
        Command visit = Requests.build(() -> new Command.RecordReturnVisit(
            request.resolution() == null ? Resolution.RESOLVED : request.resolution(), request.satisfaction(), request.comment()));
        findWithCode(ctx.pathParam("ticketNumber"), request.queryCode())
            .compose(ticket -> tickets.apply(ticket.id(), visit, Actor.citizen("citizen:" + ticket.number().value())))
            .onSuccess(ticket -> json(ctx, 200, views.progressView(ticket)))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    /**
     * Number and code must both match; any mismatch is the same 404, so codes cannot be probed per number.
     * Mismatches count per number whatever address they come from (an unknown number too, so a lock
     * does not tell that a number exists); at the limit the number answers 429 until the period is over.
     */
    Future<Ticket> findWithCode(String number, String queryCode) {
        HotlineException notFound = HotlineException.notFound("appeal.not-found", "未找到该工单，请核对工单编号和查询码");
        if (number == null || number.length() > 40 || queryCode == null || queryCode.length() > 12) {
            return Future.failedFuture(notFound);
        }
        return attempts.requireOpen(queryCodes, number)
            .compose(open -> tickets.findByNumber(number))
            .compose(found -> found.filter(ticket -> ticket.queryCode().matches(queryCode))
                .map(Future::succeededFuture)
                .orElseGet(() -> attempts.fail(queryCodes, number).compose(counted -> Future.<Ticket>failedFuture(notFound))));
    }

    private static NewAppeal toAppeal(AppealRequest request) {
        if (request.phone() == null || request.phone().isBlank()) {
            throw HotlineException.invalid("appeal.phone-required", "请填写联系电话，以便承办单位联系您");
        }
        Channel channel = channel(request.channel());
        boolean anonymous = request.name() == null || request.name().isBlank();
        Caller caller = new Caller(request.name(), request.phone(), Boolean.TRUE.equals(request.confidential()), anonymous);
        Location location = new Location(request.district(), null, null, request.address(), null, null);
        return new NewAppeal(channel, request.appealType(), Urgency.NORMAL, request.title(), request.content(), caller, location, List.of());
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.WEB;
        }
        return switch (value) {
            case "WEB" -> Channel.WEB;
            case "APP" -> Channel.APP;
            case "WECHAT" -> Channel.WECHAT;
            default -> throw HotlineException.invalid("appeal.invalid-channel", "渠道须为 WEB、APP 或 WECHAT");
        };
    }

    /** The client's key, or one derived from phone and text so an accidental double submit is one ticket. */
    private String idempotencyKey(AppealRequest request, NewAppeal appeal) {
        if (request.idempotencyKey() != null) {
            if (request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 64) {
                throw HotlineException.invalid("appeal.invalid-idempotency-key", "idempotencyKey 长度须为 1 到 64 个字符");
            }
            return "web:" + appeal.caller().phone() + ":" + request.idempotencyKey();
        }
        long bucket = clock.millis() / REPLAY_WINDOW.toMillis();
        return "web-auto:" + sha256(appeal.caller().phone() + "\n" + appeal.title() + "\n" + appeal.content() + "\n" + bucket);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // cloning a digest skips the provider lookup of getInstance, 3 % of intake's CPU when done per request
    private static final MessageDigest SHA_256 = sha256Digest();

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Digest();
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
