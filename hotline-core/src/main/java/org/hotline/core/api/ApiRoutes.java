package org.hotline.core.api;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.core.app.TicketService;
import org.hotline.core.attachment.DirectoryAttachmentStore;
import org.hotline.core.attachment.Evidence;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.FailedAttempts;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.model.Department;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.open311.Open311Keys;
import org.hotline.core.open311.Open311Routes;
import org.hotline.core.redis.RedisPolicyStore;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.RedisUserStore;
import org.hotline.core.auth.TokenRevocations;

/**
 * The service API in one piece: build it with its collaborators, {@link #start()} it (bootstrap
 * accounts), then {@link #mount(Router)} it on the server's root router. Other modules' routers
 * mounted under {@code /api/v1/} after it find the actor through {@link Authenticated#actor}.
 */
public final class ApiRoutes {

    public static final String OPENAPI_RESOURCE = "/org/hotline/core/api/openapi.json";
    /** Core's own Open311 routes, documented next to them; always part of the served document. */
    public static final String OPEN311_FRAGMENT = "/org/hotline/core/open311/openapi-fragment.json";

    private final ApiConfig config;
    private final JwtTokens tokens;
    private final RedisUserStore users;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final AuthRoutes auth;
    private final AppealRoutes appeals;
    private final TicketRoutes tickets;
    private final AttachmentRoutes attachments;
    private final Open311Routes open311;
    private final AdminRoutes admin;
    private final DirectoryRoutes directory;
    private Buffer openApi;
    private RequestValidation validation;
    private final PolicySettings policy;

    public ApiRoutes(Vertx vertx, ApiConfig config, RedisAsyncCommands<String, String> redis, TicketService service, Clock clock) {
        this(vertx, config, redis, service, clock, new PasswordHasher());
    }

    public ApiRoutes(Vertx vertx, ApiConfig config, RedisAsyncCommands<String, String> redis, TicketService service, Clock clock,
                     PasswordHasher hasher) {
        this.config = config;
        TokenRevocations revocations = new TokenRevocations(vertx, redis);
        FailedAttempts attempts = new FailedAttempts(vertx, redis);
        this.tokens = new JwtTokens(vertx, config.auth(), revocations);
        this.users = new RedisUserStore(vertx, redis, hasher);
        this.audit = new AuditLog(vertx, redis, clock);
        this.limiter = new RateLimiter(vertx, redis);
        this.auth = new AuthRoutes(users, tokens, audit, () -> service.seed().departments(), new AuthRoutes.Guards(revocations, attempts,
            config.attempts().passwordFailuresPerAccount(), config.attempts().accountLockPeriod()));
        TicketOperations operations = TicketOperations.of(service);
        TicketViews views = new TicketViews(operations::snapshotJson, () -> service.seed().timeLimits().deadlines(), clock,
            id -> service.seed().departments().find(id).map(Department::name).orElse(null));
        Supplier<CategoryCatalog> catalog = () -> service.seed().categories();
        Supplier<DepartmentDirectory> departments = () -> service.seed().departments();
        this.appeals = new AppealRoutes(operations, views, audit, limiter, attempts, config, clock);
        Evidence evidence = new Evidence(new DirectoryAttachmentStore(vertx, redis, config.attachments().directory()),
            config.attachments(), audit, clock);
        this.tickets = new TicketRoutes(operations, views, new DataScope(departments), audit, new TicketActions(catalog), evidence);
        this.attachments = new AttachmentRoutes(evidence, tickets::inScope, appeals::findWithCode);
        this.open311 = new Open311Routes(operations, views, new Open311Keys(vertx, redis, clock), audit, limiter, catalog, departments, clock);
        this.policy = new PolicySettings(vertx, service, new RedisPolicyStore(vertx, redis));
        this.admin = new AdminRoutes(service, audit, policy);
        this.directory = new DirectoryRoutes(service, audit, policy);
        document(List.of());
    }

    /**
     * Serves, and checks requests against, the service API's document merged with these modules'
     * fragments (classpath resources, e.g. {@code /org/hotline/dispatch/openapi-fragment.json}).
     * Call before {@link #mount}; a clash or a dangling reference stops the start.
     */
    public ApiRoutes openApiFragments(List<String> fragmentResources) {
        document(fragmentResources);
        return this;
    }

    private void document(List<String> fragmentResources) {
        List<String> fragments = new java.util.ArrayList<>();
        fragments.add(OPEN311_FRAGMENT);
        fragments.addAll(fragmentResources);
        JsonObject document = servedDocument(fragments);
        this.openApi = document.toBuffer();
        this.validation = new RequestValidation(document);
    }

    /**
     * The document the server serves from these classpath fragments (in order, after the base): the
     * merge, with each ticket action's roles written from the role table the rules enforce.
     */
    public static JsonObject servedDocument(List<String> fragmentResources) {
        return ActionRoles.write(OpenApiFragments.fromClasspath(OPENAPI_RESOURCE, fragmentResources), new TicketActions(() -> null));
    }

    /**
     * Creates the bootstrap administrator and demo accounts when missing, applies the time-limit
     * table and holiday years administrators saved in Redis, and starts watching for their changes.
     */
    public Future<Void> start() {
        return AuthRoutes.bootstrap(users, config.auth()).compose(done -> policy.start());
    }

    /** Stops watching for policy changes (closing Vert.x does it too). */
    public void stop() {
        policy.stop();
    }

    /** Mounts every route of the API (and the problem handling) on the router. */
    public Router mount(Router router) {
        // first: every per-address limit and audit entry after it sees the same client address
        router.route().handler(config.proxies().handler());
        router.route("/api/v1/*").handler(ApiRoutes::securityHeaders);
        router.route("/open311/*").handler(ApiRoutes::securityHeaders);
        router.route("/open311/*").handler(Problems.bodyHandler(config.bodyLimitBytes()));
        // Open311's own failure handler must come before the generic one: its errors have their own shape
        open311.mount(router);
        Problems.install(router);
        // evidence files are larger than any JSON body: their own limit, before the API's
        attachments.mountUploads(router, authHandler(), limiter.handler(new RateLimiter.Rule("photo-address",
            Math.max(60, config.intakePerAddress()), Duration.ofMinutes(1)), RateLimiter::clientAddress));
        router.route("/api/v1/*").handler(Problems.bodyHandler(config.bodyLimitBytes()));
        appeals.mountIntake(router, ctx -> validation.check(ctx, true));
        // requests are checked against the served document: public ones here, the others after the token check.
        // Public path parameters are not: the citizens' lookup answers any number it cannot find with the
        // same 404 (a stable interface), malformed or not
        router.route("/api/v1/*").handler(validation.handler(true));
        router.get("/api/v1/openapi.json").handler(this::serveOpenApi);
        router.post("/api/v1/auth/token")
            .handler(limiter.handler(new RateLimiter.Rule("login", config.loginPerAddressPerMinute(), Duration.ofMinutes(1)),
                RateLimiter::clientAddress));
        auth.mountPublic(router);
        appeals.mount(router);
        router.route("/api/v1/*").handler(authHandler());
        // staff paths too: a malformed id is reported before anything about the body
        router.route("/api/v1/*").handler(validation.handler(false));
        auth.mountAuthenticated(router);
        open311.mountAdmin(router);
        attachments.mountReads(router);
        tickets.mount(router);
        admin.mount(router);
        directory.mount(router);
        return router;
    }

    /** Adds what citizens are told at once on submitting (e.g. the 110 advice); set before serving. */
    public ApiRoutes intakeAdvice(IntakeAdvice advice) {
        appeals.adviseWith(advice);
        return this;
    }

    /**
     * Hands each category an administrator adds, edits or retires to another copy of the catalog
     * (e.g. dispatch's keyword catalog); best effort: a failure is logged, the change stands.
     */
    public ApiRoutes onCategoryChange(java.util.function.Function<CategoryCatalog.Entry, Future<Void>> listener) {
        directory.onCategoryChange(listener);
        return this;
    }

    /** The bearer-token handler, for routers mounted elsewhere than under {@code /api/v1/}. */
    public Handler<RoutingContext> authHandler() {
        return Authenticated.handler(tokens);
    }

    public JwtTokens tokens() {
        return tokens;
    }

    public AuditLog audit() {
        return audit;
    }

    public RateLimiter rateLimiter() {
        return limiter;
    }

    private void serveOpenApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(openApi);
    }

    // answers are data, never pages: browsers must not sniff them into HTML and run embedded script
    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.next();
    }

    static byte[] readResource(String name) {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
