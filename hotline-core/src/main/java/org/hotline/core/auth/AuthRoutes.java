package org.hotline.core.auth;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.catalog.DepartmentEdits;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.http.AttemptLimits;
import org.hotline.core.http.FailedAttempts;
import org.hotline.core.http.JsonBodies;
import org.hotline.core.http.RetryLater;
import org.hotline.core.http.TrustedProxies;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token issuing and account administration: {@code POST /api/v1/auth/token} (public),
 * {@code GET /api/v1/auth/me}, {@code POST /api/v1/auth/logout}, {@code POST /api/v1/auth/password},
 * {@code POST|GET /api/v1/admin/users} and an account's disable / enable / unlock (administrators).
 * Logout, a new password and a disabled account revoke tokens at once on every node ({@link TokenRevocations});
 * wrong passwords lock the account ({@link FailedAttempts}) whatever address they come from.
 */
public final class AuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final RedisUserStore users;
    private final JwtTokens tokens;
    private final AuditLog audit;
    private final Supplier<DepartmentDirectory> directory;
    private final TokenRevocations revocations;
    private final FailedAttempts attempts;
    private final FailedAttempts.Policy passwordPolicy;

    /** Sign-in guards: revocations, failed passwords and how many of them lock an account for how long. */
    public record Guards(TokenRevocations revocations, FailedAttempts attempts, int failuresPerAccount, Duration lockPeriod) {

        /** The default limits over this Redis (a module's own test server). */
        public static Guards defaults(Vertx vertx, RedisAsyncCommands<String, String> redis) {
            AttemptLimits limits = AttemptLimits.DEFAULTS;
            return new Guards(new TokenRevocations(vertx, redis), new FailedAttempts(vertx, redis),
                limits.passwordFailuresPerAccount(), limits.accountLockPeriod());
        }
    }

    /** A department user's claim must name a unit of the directory that is in use (none: not checked). */
    public AuthRoutes(RedisUserStore users, JwtTokens tokens, AuditLog audit, Supplier<DepartmentDirectory> directory, Guards guards) {
        this.directory = directory;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.revocations = guards.revocations();
        this.attempts = guards.attempts();
        this.passwordPolicy = new FailedAttempts.Policy("password", guards.failuresPerAccount(), guards.lockPeriod(),
            "auth.account-locked", "密码错误次数过多，账号已暂时锁定，请稍后再试或联系管理员解锁");
    }

    /** A signed-in user's own password change; unknown fields are refused. */
    public record PasswordChange(String currentPassword, String newPassword) {
        public PasswordChange {
            if (currentPassword == null || currentPassword.isEmpty() || currentPassword.length() > 128) {
                throw HotlineException.invalid("auth.current-password-required", "请填写当前密码");
            }
            UserAccount.requirePassword(newPassword);
        }
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

    /** An administrator's edit of an account: each field null to keep it; {@code password} resets the password. */
    public record EditUser(String displayName, Role role, String departmentId, String password) {
    }

    /** Public token route; mount behind a per-address rate limit. */
    public void mountPublic(Router router) {
        router.post("/api/v1/auth/token").handler(this::issueToken);
    }

    /** Routes that need an authenticated actor (the auth handler must run before). */
    public void mountAuthenticated(Router router) {
        router.get("/api/v1/auth/me").handler(this::me);
        router.post("/api/v1/auth/logout").handler(this::logout);
        router.post("/api/v1/auth/password").handler(this::changePassword);
        router.post("/api/v1/admin/users/:username/disable").handler(Authenticated.require(Role.ADMIN)).handler(ctx -> setDisabled(ctx, true));
        router.post("/api/v1/admin/users/:username/enable").handler(Authenticated.require(Role.ADMIN)).handler(ctx -> setDisabled(ctx, false));
        router.post("/api/v1/admin/users/:username/unlock").handler(Authenticated.require(Role.ADMIN)).handler(this::unlock);
        router.post("/api/v1/admin/users").handler(Authenticated.require(Role.ADMIN)).handler(this::createUser);
        router.patch("/api/v1/admin/users/:username").handler(Authenticated.require(Role.ADMIN)).handler(this::editUser);
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
        String address = TrustedProxies.clientAddress(ctx);
        attempts.requireOpen(passwordPolicy, request.username())
            .compose(open -> checkedPassword(request.username(), request.password(), address))
            .compose(user -> user.disabled()
                ? audit.record(refusedLogin(user.username(), "disabled", address))
                    .transform(ignored -> Future.<UserAccount>failedFuture(disabled()))
                : Future.succeededFuture(user))
            .compose(user -> revocations.version(user.username())
                .compose(version -> audit.record(new AuditLog.Entry(user.actor(), "auth.login", "user", user.username(), false, "ok",
                        "address=" + address))
                    .map(ignored -> new JsonObject()
                        .put("token", tokens.issue(user.actor(), version))
                        .put("tokenType", "Bearer")
                        .put("expiresIn", tokens.ttl().toSeconds())
                        .put("role", user.role().name()))))
            .onSuccess(body -> json(ctx, 200, body))
            .onFailure(failure -> RetryLater.fail(ctx, failure));
    }

    /** The account when the password matches (its failures forgotten); a wrong one counts towards the lock. */
    private Future<UserAccount> checkedPassword(String username, String password, String address) {
        return users.verify(username, password).compose(found -> found.isPresent()
            ? attempts.clear(passwordPolicy, username).map(found.get())
            : attempts.fail(passwordPolicy, username)
                .compose(counted -> audit.record(refusedLogin(username, "refused", address)))
                .transform(ignored -> Future.<UserAccount>failedFuture(new HotlineException(ErrorKind.UNAUTHENTICATED,
                    "auth.bad-credentials", "用户名或密码错误"))));
    }

    private static AuditLog.Entry refusedLogin(String username, String outcome, String address) {
        return new AuditLog.Entry(Actor.system("auth"), "auth.login", "user", username, false, outcome, "address=" + address);
    }

    private static HotlineException disabled() {
        return HotlineException.forbidden("auth.account-disabled", "账号已停用，请联系管理员");
    }

    /** This token stops counting on every node; the others of the account stay valid. */
    private void logout(RoutingContext ctx) {
        JwtTokens.Session session = Authenticated.session(ctx);
        revocations.revoke(session.tokenId(), Duration.between(Instant.now(), session.expiresAt()))
            .compose(done -> audit.record(AuditLog.Entry.change(session.actor(), "auth.logout", "user", session.actor().userId())))
            .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
            .onFailure(ctx::fail);
    }

    /** A new password revokes every token of the account, this one included: sign in again. */
    private void changePassword(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        PasswordChange body = JsonBodies.read(ctx, PasswordChange.class);
        attempts.requireOpen(passwordPolicy, actor.userId())
            .compose(open -> checkedPassword(actor.userId(), body.currentPassword(), TrustedProxies.clientAddress(ctx)))
            .compose(user -> users.changePassword(user.username(), body.newPassword()))
            .compose(user -> revocations.revokeAll(user.username()))
            .compose(done -> audit.record(AuditLog.Entry.change(actor, "user.password-change", "user", actor.userId())))
            .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
            .onFailure(failure -> RetryLater.fail(ctx, failure));
    }

    /** Disabling revokes every token of the account at once; enabling lets it sign in again. */
    private void setDisabled(RoutingContext ctx, boolean disabled) {
        Actor admin = Authenticated.actor(ctx);
        String username = ctx.pathParam("username");
        UserAccount.requireUsername(username);
        if (disabled && username.equals(admin.userId())) {
            throw HotlineException.rejected("user.disable-self", "不能停用自己的账号");
        }
        users.setDisabled(username, disabled)
            .compose(user -> (disabled ? revocations.revokeAll(username) : Future.<Void>succeededFuture()).map(user))
            .compose(user -> audit.record(AuditLog.Entry.change(admin, disabled ? "user.disable" : "user.enable", "user", username))
                .map(user))
            .onSuccess(user -> json(ctx, 200, accountJson(user)))
            .onFailure(ctx::fail);
    }

    /** An administrator lifts a password lock before its period is over. */
    private void unlock(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        String username = ctx.pathParam("username");
        UserAccount.requireUsername(username);
        users.find(username)
            .compose(found -> found.isPresent() ? attempts.clear(passwordPolicy, username)
                : Future.failedFuture(HotlineException.notFound("user.not-found", "用户不存在：" + username)))
            .compose(done -> audit.record(AuditLog.Entry.change(admin, "user.unlock", "user", username)))
            .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
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

    /**
     * Name, role, unit and a password reset in one edit. A new role, unit or password revokes every token of
     * the account (a token carries role and unit), so the user signs in again under the new rights.
     */
    private void editUser(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        String username = ctx.pathParam("username");
        UserAccount.requireUsername(username);
        EditUser body = JsonBodies.read(ctx, EditUser.class);
        if (username.equals(admin.userId()) && body.role() != null && body.role() != Role.ADMIN) {
            throw HotlineException.rejected("user.demote-self", "不能修改自己的管理员角色");
        }
        if (body.password() != null) {
            UserAccount.requirePassword(body.password());
        }
        if (directory != null && body.departmentId() != null && !body.departmentId().isBlank()) {
            DepartmentEdits.checkUsable(directory.get(), body.departmentId()).ifPresent(refusal -> {
                throw HotlineException.invalid(refusal.code(), refusal.message());
            });
        }
        users.find(username)
            .map(found -> found.orElseThrow(() -> HotlineException.notFound("user.not-found", "用户不存在：" + username)))
            .compose(before -> {
                UserAccount after = before.edited(body.displayName(), body.role(), body.departmentId());
                boolean rightsChanged = after.role() != before.role() || !Objects.equals(after.departmentId(), before.departmentId())
                    || body.password() != null;
                return users.edit(username, user -> after)
                    .compose(user -> body.password() == null ? Future.succeededFuture(user) : users.changePassword(username, body.password()))
                    .compose(user -> (rightsChanged ? revocations.revokeAll(username) : Future.<Void>succeededFuture()).map(user))
                    .compose(user -> audit.record(AuditLog.Entry.change(admin, body.password() == null ? "user.edit" : "user.edit-password",
                        "user", username)).map(user));
            })
            .onSuccess(user -> json(ctx, 200, accountJson(user)))
            .onFailure(ctx::fail);
    }

    private void listUsers(RoutingContext ctx) {
        Actor admin = Authenticated.actor(ctx);
        users.list()
            .compose(list -> audit.record(AuditLog.Entry.read(admin, "user", "*", false)).map(list))
            .onSuccess(list -> json(ctx, 200, new JsonObject().put("items",
                new JsonArray(list.stream().map(user -> (Object) accountJson(user)).toList()))))
            .onFailure(ctx::fail);
    }

    static JsonObject actorJson(Actor actor) {
        return new JsonObject()
            .put("username", actor.userId())
            .put("role", actor.role().name())
            .put("departmentId", actor.departmentId())
            .put("displayName", actor.displayName());
    }

    static JsonObject accountJson(UserAccount user) {
        return actorJson(user.actor()).put("disabled", user.disabled());
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
