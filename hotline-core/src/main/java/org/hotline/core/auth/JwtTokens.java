package org.hotline.core.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * Issues and verifies HS256 tokens carrying {@code sub, role, department, name, exp, jti, ver}. A token
 * that is missing, expired, tampered with, signed another way or revoked ({@link TokenRevocations}:
 * logout, disabled account, new password) fails as {@link ErrorKind#UNAUTHENTICATED}.
 */
public final class JwtTokens {

    static final String ISSUER = "hotline-12345";
    private static final String ALGORITHM = "HS256";

    private final JWTAuth jwt;
    private final Duration ttl;
    private final TokenRevocations revocations;

    /** Without revocations: a module's own test server that signs tokens without Redis. */
    public JwtTokens(Vertx vertx, AuthConfig config) {
        this(vertx, config, null);
    }

    /** Every verification also asks Redis whether the token was revoked. */
    public JwtTokens(Vertx vertx, AuthConfig config, TokenRevocations revocations) {
        this.ttl = config.tokenTtl();
        this.revocations = revocations;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(config.jwtSecret()))
            .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER).setLeeway(5)));
    }

    /** A token of the account's first version (tests, accounts never revoked). */
    public String issue(Actor actor) {
        return issue(actor, 0L);
    }

    /** A token carrying the account's current token version and an id of its own (for logout). */
    public String issue(Actor actor, long version) {
        JsonObject claims = new JsonObject()
            .put("sub", actor.userId())
            .put("jti", UUID.randomUUID().toString())
            .put("ver", version)
            .put("role", actor.role().name())
            .put("name", actor.displayName());
        if (actor.departmentId() != null) {
            claims.put("department", actor.departmentId());
        }
        return jwt.generateToken(claims, new JWTOptions()
            .setAlgorithm(ALGORITHM)
            .setIssuer(ISSUER)
            .setExpiresInSeconds((int) ttl.toSeconds()));
    }

    public Duration ttl() {
        return ttl;
    }

    /** The actor named by a valid token. */
    public Future<Actor> verify(String token) {
        return session(token).map(Session::actor);
    }

    /** A valid, unrevoked token: its actor, id and expiry. */
    public record Session(Actor actor, String tokenId, long version, Instant expiresAt) {
    }

    /** The session of a valid token that was not revoked. */
    public Future<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(unauthenticated());
        }
        return jwt.authenticate(new TokenCredentials(token))
            .recover(failure -> Future.failedFuture(unauthenticated()))
            .compose(user -> toSession(claimsOf(user)))
            .compose(this::unlessRevoked);
    }

    private Future<Session> unlessRevoked(Session session) {
        if (revocations == null) {
            return Future.succeededFuture(session);
        }
        return revocations.stillValid(session.actor().userId(), session.version(), session.tokenId())
            .compose(valid -> valid ? Future.succeededFuture(session) : Future.failedFuture(revoked()));
    }

    // the decoded payload sits in the principal or, depending on the provider version, in attributes.accessToken
    private static JsonObject claimsOf(io.vertx.ext.auth.User user) {
        JsonObject access = user.attributes() == null ? null : user.attributes().getJsonObject("accessToken");
        return access != null && access.containsKey("role") ? access : user.principal();
    }

    // a token without jti/ver was issued before revocation existed: version 0, its own subject as id
    private static Future<Session> toSession(JsonObject claims) {
        try {
            if (!claims.containsKey("exp") || !ISSUER.equals(claims.getString("iss"))) {
                return Future.failedFuture(unauthenticated());
            }
            Role role = Role.valueOf(claims.getString("role"));
            Actor actor = new Actor(claims.getString("sub"), role,
                claims.getString("department"), claims.getString("name", claims.getString("sub")));
            String tokenId = claims.getString("jti", "legacy:" + claims.getString("sub") + ":" + claims.getLong("exp"));
            return Future.succeededFuture(new Session(actor, tokenId, claims.getLong("ver", 0L),
                Instant.ofEpochSecond(claims.getLong("exp"))));
        } catch (RuntimeException e) {
            return Future.failedFuture(unauthenticated());
        }
    }

    static HotlineException revoked() {
        return new HotlineException(ErrorKind.UNAUTHENTICATED, "auth.token-revoked", "登录已失效（已退出、密码已修改或账号已停用），请重新登录");
    }

    static HotlineException unauthenticated() {
        return new HotlineException(ErrorKind.UNAUTHENTICATED, "auth.invalid-token", "未登录或令牌无效、已过期，请重新登录");
    }
}
