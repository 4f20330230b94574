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
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * Issues and verifies HS256 tokens carrying {@code sub, role, department, name, exp}. A token that is
 * missing, expired, tampered with or signed another way fails as {@link ErrorKind#UNAUTHENTICATED}.
 */
public final class JwtTokens {

    static final String ISSUER = "hotline-12345";
    private static final String ALGORITHM = "HS256";

    private final JWTAuth jwt;
    private final Duration ttl;

    public JwtTokens(Vertx vertx, AuthConfig config) {
        this.ttl = config.tokenTtl();
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(config.jwtSecret()))
            .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER).setLeeway(5)));
    }

    public String issue(Actor actor) {
        JsonObject claims = new JsonObject()
            .put("sub", actor.userId())
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
        if (token == null || token.isBlank()) {
            return Future.failedFuture(unauthenticated());
        }
        return jwt.authenticate(new TokenCredentials(token))
            .recover(failure -> Future.failedFuture(unauthenticated()))
            .compose(user -> toActor(claimsOf(user)));
    }

    // the decoded payload sits in the principal or, depending on the provider version, in attributes.accessToken
    private static JsonObject claimsOf(io.vertx.ext.auth.User user) {
        JsonObject access = user.attributes() == null ? null : user.attributes().getJsonObject("accessToken");
        return access != null && access.containsKey("role") ? access : user.principal();
    }

    private static Future<Actor> toActor(JsonObject claims) {
        try {
            if (!claims.containsKey("exp") || !ISSUER.equals(claims.getString("iss"))) {
                return Future.failedFuture(unauthenticated());
            }
            Role role = Role.valueOf(claims.getString("role"));
            return Future.succeededFuture(new Actor(claims.getString("sub"), role,
                claims.getString("department"), claims.getString("name", claims.getString("sub"))));
        } catch (RuntimeException e) {
            return Future.failedFuture(unauthenticated());
        }
    }

    static HotlineException unauthenticated() {
        return new HotlineException(ErrorKind.UNAUTHENTICATED, "auth.invalid-token", "未登录或令牌无效、已过期，请重新登录");
    }
}
