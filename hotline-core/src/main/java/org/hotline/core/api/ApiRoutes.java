package org.hotline.core.api;

import io.vertx.core.Future;
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
import org.hotline.core.http.RateLimiter;
import org.hotline.core.app.TicketViews;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.CitizenAppeals;
import org.hotline.core.app.DataScope;
import org.hotline.core.app.EditDirectory;
import org.hotline.core.app.EditTimePolicy;
import org.hotline.core.app.StaffTickets;
import org.hotline.core.app.PolicySettings;
import org.hotline.core.app.TicketService;
import org.hotline.core.attachment.Evidence;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.model.Department;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.open311.Open311Routes;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.auth.RedisUserStore;

/**
 * The service API in one piece: build it once from its {@link ApiParts} and the modules'
 * {@link ApiOptions}, {@link #start()} it (bootstrap accounts, administrators' policy settings), then
 * {@link #mount(Router)} it on the server's root router. Other modules' routers
 * mounted under {@code /api/v1/} after it find the actor through {@link Authenticated#actor}.
 */
public final class ApiRoutes {

    public static final String OPENAPI_RESOURCE = "/org/hotline/core/api/openapi.json";
    /** Core's own Open311 routes, documented next to them; always part of the served document. */
    public static final String OPEN311_FRAGMENT = "/org/hotline/core/open311/openapi-fragment.json";

    private final ApiConfig config;
    private final JwtTokens tokens;
    private final RedisUserStore users;
    private final RateLimiter limiter;
    private final AuthRoutes auth;
    private final AppealRoutes appeals;
    private final TicketRoutes tickets;
    private final AttachmentRoutes attachments;
    private final Open311Routes open311;
    private final AdminRoutes admin;
    private final DirectoryRoutes directory;
    private final Buffer openApi;
    private final RequestValidation validation;
    private final PolicySettings policy;

    /** Built once by the composition root, after the modules that plug into it ({@link ApiOptions}). */
    public ApiRoutes(ApiParts parts, ApiOptions options) {
        this.config = parts.config();
        this.tokens = parts.tokens();
        this.users = parts.users();
        this.limiter = parts.limiter();
        TicketService service = parts.service();
        Clock clock = parts.clock();
        AuditLog audit = parts.audit();
        this.auth = new AuthRoutes(users, tokens, audit, () -> service.seed().departments(), new AuthRoutes.Guards(parts.revocations(),
            parts.attempts(), config.attempts().passwordFailuresPerAccount(), config.attempts().accountLockPeriod()));
        TicketOperations operations = TicketOperations.of(service);
        TicketViews views = new TicketViews(operations::snapshotJson, () -> service.seed().timeLimits().deadlines(), clock,
            id -> service.seed().departments().find(id).map(Department::name).orElse(null));
        Supplier<CategoryCatalog> catalog = () -> service.seed().categories();
        Supplier<DepartmentDirectory> departments = () -> service.seed().departments();
        CitizenAppeals citizens = new CitizenAppeals(operations, audit, parts.attempts(), config.attempts(), clock,
            options.intakeAdvice());
        this.appeals = new AppealRoutes(citizens, views, limiter, config);
        DataScope scope = new DataScope(departments);
        Evidence evidence = new Evidence(parts.attachments(), config.attachments(), audit, clock);
        StaffTickets staff = new StaffTickets(operations, views, scope, audit, evidence);
        this.tickets = new TicketRoutes(staff, views, scope, new TicketActions(catalog));
        this.attachments = new AttachmentRoutes(evidence, staff::inScope, citizens::findWithCode);
        this.open311 = new Open311Routes(operations, views, parts.open311Keys(), audit, limiter, catalog, departments, clock);
        this.policy = new PolicySettings(parts.vertx(), service, parts.policyStore());
        this.admin = new AdminRoutes(service, new EditTimePolicy(policy, audit));
        this.directory = new DirectoryRoutes(new EditDirectory(service, audit, policy, options.categoryListener()), catalog);
        List<String> fragments = new java.util.ArrayList<>();
        fragments.add(OPEN311_FRAGMENT);
        fragments.addAll(options.openApiFragments());
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
        attachments.mountUploads(router, Authenticated.handler(tokens), limiter.handler(new RateLimiter.Rule("photo-address",
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
        router.route("/api/v1/*").handler(Authenticated.handler(tokens));
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

    public JwtTokens tokens() {
        return tokens;
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
