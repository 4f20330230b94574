package org.hotline.core.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.catalog.DepartmentEdits;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token issuing and account administration: {@code POST /api/v1/auth/token} (public),
 * {@code GET /api/v1/auth/me}, {@code POST|GET /api/v1/admin/users} (administrators).
 */
public final class AuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final RedisUserStore users;
    private final JwtTokens tokens;
    private final AuditLog audit;
    private final Supplier<DepartmentDirectory> directory;

    /** Without a directory, department claims are not checked against the units (a test set-up). */
    public AuthRoutes(RedisUserStore users, JwtTokens tokens, AuditLog audit) {
        this(users, tokens, audit, null);
    }

    /** A department user's claim must name a unit of the directory that is in use. */
    public AuthRoutes(RedisUserStore users, JwtTokens tokens, AuditLog audit, Supplier<DepartmentDirectory> directory) {
        this.directory = directory;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** The login request; unknown fields are refused. */
    public record TokenRequest(String username, String password) {
        public TokenRequest {
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw HotlineException.invalid("auth.credentials-required", "请填写用户名和密码");
            }
            if (username.length() > 64 || password.length() > 128) {
                throw HotlineException.invalid("auth.credentials-too-long", "用户名或密码过长");
            }
        }
    }

    /** The account-creation request of an administrator. */
    public record CreateUser(String username, String password, Role role, String departmentId, String displayName) {
    }

    /** Public token route; mount behind a per-address rate limit. */
    public void mountPublic(Router router) {
        router.post("/api/v1/auth/token").handler(this::issueToken);
    }

    /** Routes that need an authenticated actor (the auth handler must run before). */
    public void mountAuthenticated(Router router) {
        router.get("/api/v1/auth/me").handler(this::me);
        router.post("/api/v1/admin/users").handler(Authenticated.require(Role.ADMIN)).handler(this::createUser);
        router.get("/api/v1/admin/users").handler(Authenticated.require(Role.ADMIN)).handler(this::listUsers);
    }

    /** Creates the bootstrap admin and the demo accounts unless they already exist. */
    public static Future<Void> bootstrap(RedisUserStore users, AuthConfig config) {
        Future<Optional<UserAccount>> admin = config.bootstrapAdminPassword() == null
            ? Future.succeededFuture(Optional.empty())
            : users.createIfAbsent(new UserAccount.New("admin", config.bootstrapAdminPassword(), Role.ADMIN, null, "系统管理员"));
        List<Future<Optional<UserAccount>>> demo = config.demoAccounts().stream().map(users::createIfAbsent).toList();
        return admin.compose(created -> {
            created.ifPresent(user -> LOG.info("bootstrap administrator account created [username=admin]"));
            return Future.all(demo);
        }).mapEmpty();
    }

    private void issueToken(RoutingContext ctx) {
        TokenRequest request = JsonBodies.read(ctx, TokenRequest.class);
        users.verify(request.username(), request.password())
            .compose(found -> found.isPresent()
                ? Future.succeededFuture(found.get())
                : audit.record(new AuditLog.Entry(Actor.system("auth"), "auth.login", "user", request.username(), false, "refused", ""))
                    .transform(ignored -> Future.<UserAccount>failedFuture(new HotlineException(ErrorKind.UNAUTHENTICATED,
                        "auth.bad-credentials", "用户名或密码错误"))))
            .compose(user -> audit.record(AuditLog.Entry.change(user.actor(), "auth.login", "user", user.username()))
                .map(ignored -> new JsonObject()
                    .put("token", tokens.issue(user.actor()))
                    .put("tokenType", "Bearer")
                    .put("expiresIn", tokens.ttl().toSeconds())
                    .put("role", user.role().name())))
            .onSuccess(body -> json(ctx, 200, body))
            .onFailure(ctx::fail);
    }

    private void me(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        json(ctx, 200, actorJson(actor));
    }

    private void createUser(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        CreateUser body = JsonBodies.read(ctx, CreateUser.class);
        UserAccount.New account = new UserAccount.New(body.username(), body.password(), body.role(), body.departmentId(), body.displayName());
        if (directory != null && account.departmentId() != null) {
            DepartmentEdits.checkUsable(directory.get(), account.departmentId()).ifPresent(refusal -> {
                throw HotlineException.invalid(refusal.code(), refusal.message());
            });
        }
        users.create(account)
            .compose(user -> audit.record(AuditLog.Entry.change(admin, "user.create", "user", user.username())).map(user))
            .onSuccess(user -> json(ctx, 201, actorJson(user.actor())))
            .onFailure(ctx::fail);
    }

    private void listUsers(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        users.list()
            .compose(list -> audit.record(AuditLog.Entry.read(admin, "user", "*", false)).map(list))
            .onSuccess(list -> json(ctx, 200, new JsonObject().put("items",
                new JsonArray(list.stream().map(user -> (Object) actorJson(user.actor())).toList()))))
            .onFailure(ctx::fail);
    }

    static JsonObject actorJson(Actor actor) {
        return new JsonObject()
            .put("username", actor.userId())
            .put("role", actor.role().name())
            .put("departmentId", actor.departmentId())
            .put("displayName", actor.displayName());
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
