package org.hotline.core.auth;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.core.redis.LettuceBridge;

/**
 * Staff accounts in Redis: one JSON string per account under {@code hotline:auth:user:{username}}
 * (created with SET NX, so two admins cannot create the same name twice) and the set of names
 * under {@code hotline:auth:users}. Password hashing runs on a worker thread.
 */
public final class RedisUserStore {

    static final String USER_KEY = "hotline:auth:user:";
    static final String USERS_KEY = "hotline:auth:users";
    /** Hashed when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = new PasswordHasher(1_000).hash("unknown-user-placeholder");

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final PasswordHasher hasher;

    public RedisUserStore(Vertx vertx, RedisAsyncCommands<String, String> redis, PasswordHasher hasher) {
        this.vertx = vertx;
        this.redis = redis;
        this.hasher = hasher;
    }

    /** Creates the account; fails with a conflict when the name is taken. */
    public Future<UserAccount> create(UserAccount.New account) {
        return createIfAbsent(account).map(created -> created.orElseThrow(
            () -> HotlineException.conflict("user.exists", "用户名已存在：" + account.username())));
    }

    /** Creates the account unless the name exists; empty when it did (bootstrap keeps the old one). */
    public Future<Optional<UserAccount>> createIfAbsent(UserAccount.New account) {
        return vertx.executeBlocking(() -> hasher.hash(account.password()), false)
            .map(hash -> new UserAccount(account.username(), hash, account.role(), account.departmentId(), account.displayName(), false))
            .compose(user -> bridge(redis.set(USER_KEY + user.username(), toJson(user).encode(), SetArgs.Builder.nx()))
                .compose(reply -> "OK".equals(reply)
                    ? bridge(redis.sadd(USERS_KEY, user.username())).map(Optional.of(user))
                    : Future.succeededFuture(Optional.<UserAccount>empty())));
    }

    public Future<Optional<UserAccount>> find(String username) {
        return bridge(redis.get(USER_KEY + username))
            .map(json -> Optional.ofNullable(json).map(text -> fromJson(new JsonObject(text))));
    }

    /** The account when name and password match; empty otherwise (same cost either way). */
    public Future<Optional<UserAccount>> verify(String username, String password) {
        return find(username).compose(found -> vertx.executeBlocking(() -> {
            String stored = found.map(UserAccount::passwordHash).orElse(DUMMY_HASH);
            boolean ok = hasher.matches(password, stored);
            return ok ? found : Optional.<UserAccount>empty();
        }, false));
    }

    /** Disables or enables the account; 404 when there is none. */
    public Future<UserAccount> setDisabled(String username, boolean disabled) {
        return existing(username).compose(user -> store(user.withDisabled(disabled)));
    }

    /** Applies an administrator's edit (see {@link UserAccount#edited}); 404 when there is no such account. */
    public Future<UserAccount> edit(String username, java.util.function.UnaryOperator<UserAccount> change) {
        return existing(username).compose(user -> store(change.apply(user)));
    }

    /** Stores a new password (hashed on a worker thread); 404 when there is no such account. */
    public Future<UserAccount> changePassword(String username, String newPassword) {
        UserAccount.requirePassword(newPassword);
        return existing(username).compose(user -> vertx.executeBlocking(() -> hasher.hash(newPassword), false)
            .compose(hash -> store(user.withPasswordHash(hash))));
    }

    private Future<UserAccount> existing(String username) {
        return find(username).map(found -> found.orElseThrow(
            () -> HotlineException.notFound("user.not-found", "用户不存在：" + username)));
    }

    // XX: the account was read a moment ago and exists; an administrator's two edits of one account race
    // only with each other, and the later one wins as a whole record
    private Future<UserAccount> store(UserAccount user) {
        return bridge(redis.set(USER_KEY + user.username(), toJson(user).encode(), SetArgs.Builder.xx())).map(user);
    }

    public Future<List<UserAccount>> list() {
        return bridge(redis.smembers(USERS_KEY))
            .compose(names -> names.isEmpty()
                ? Future.succeededFuture(List.<String>of())
                : bridge(redis.mget(names.stream().map(name -> USER_KEY + name).toArray(String[]::new)))
                    .map(values -> values.stream().filter(v -> v.hasValue()).map(v -> v.getValue()).toList()))
            .map(values -> {
                List<UserAccount> users = new ArrayList<>();
                values.forEach(text -> users.add(fromJson(new JsonObject(text))));
                users.sort((a, b) -> a.username().compareTo(b.username()));
                return users;
            });
    }

    static JsonObject toJson(UserAccount user) {
        return new JsonObject()
            .put("schema", "user.v1")
            .put("username", user.username())
            .put("passwordHash", user.passwordHash())
            .put("role", user.role().name())
            .put("departmentId", user.departmentId())
            .put("displayName", user.displayName())
            .put("disabled", user.disabled());
    }

    static UserAccount fromJson(JsonObject json) {
        return new UserAccount(json.getString("username"), json.getString("passwordHash"),
            Role.valueOf(json.getString("role")), json.getString("departmentId"), json.getString("displayName"),
            json.getBoolean("disabled", false));
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage);
    }
}
