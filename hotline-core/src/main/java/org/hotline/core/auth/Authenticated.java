package org.hotline.core.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * The authenticated {@link Actor} of a request. {@link #handler(JwtTokens)} verifies the bearer token
 * and stores the actor; every module's routes then read it with {@link #actor(RoutingContext)} and
 * restrict roles with {@link #require(Role...)}. Failures go to the router's failure handler
 * ({@code Problems}) as 401/403 problems.
 */
public final class Authenticated {

    private static final String KEY = "hotline.actor";
    private static final String SESSION_KEY = "hotline.session";

    private Authenticated() {
    }

    /** Verifies {@code Authorization: Bearer <token>}; without a valid token the request fails with 401. */
    public static Handler<RoutingContext> handler(JwtTokens tokens) {
        // the revocation check is a Redis round trip: a body handler mounted after this one must still see
        // the body, so the request is paused meanwhile (as vertx-web's own authentication handlers do)
        // (HTTP/2 refuses to resume a request whose body was already read: only a paused one is resumed)
        return ctx -> {
            boolean paused = !ctx.request().isEnded();
            if (paused) {
                ctx.request().pause();
            }
            tokens.session(bearer(ctx))
                .onComplete(done -> {
                    if (paused && !ctx.request().isEnded()) {
                        ctx.request().resume();
                    }
                })
                .onSuccess(session -> {
                    ctx.put(KEY, session.actor());
                    ctx.put(SESSION_KEY, session);
                    ctx.next();
                })
                .onFailure(ctx::fail);
        };
    }

    /** The actor of an authenticated request; fails with 401 when no auth handler ran before. */
    public static Actor actor(RoutingContext ctx) {
        Actor actor = ctx.get(KEY);
        if (actor == null) {
            throw JwtTokens.unauthenticated();
        }
        return actor;
    }

    /** The token of a request authenticated by {@link #handler}; fails with 401 otherwise. */
    static JwtTokens.Session session(RoutingContext ctx) {
        JwtTokens.Session session = ctx.get(SESSION_KEY);
        if (session == null) {
            throw JwtTokens.unauthenticated();
        }
        return session;
    }

    /** Lets the request through only for these roles (403 for the others). */
    public static Handler<RoutingContext> require(Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return ctx -> {
            Actor actor = ctx.get(KEY);
            if (actor == null) {
                ctx.fail(JwtTokens.unauthenticated());
            } else if (!allowed.contains(actor.role())) {
                ctx.fail(new HotlineException(ErrorKind.FORBIDDEN, "auth.role-not-allowed", "当前角色无权执行此操作"));
            } else {
                ctx.next();
            }
        };
    }

    /** For tests and internal callers that authenticate another way (e.g. Open311 API keys). */
    public static void set(RoutingContext ctx, Actor actor) {
        ctx.put(KEY, actor);
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
